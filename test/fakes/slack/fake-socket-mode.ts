import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';
import { WaitList } from './wait-list.ts';

/**
 * Slack's side of Socket Mode, on the fake's own HTTP server. apps.connections.open hands out a
 * one-time `ws://127.0.0.1:<port>/socket-mode?ticket=…&app_id=…`; on connect the fake sends
 * `{"type":"hello",…}`; `sendEnvelope` delivers a payload the way Slack wraps it and resolves on
 * the client's ack `{ envelope_id, payload? }`; `sendDisconnect` asks the client to reconnect.
 */

export type EnvelopeType = 'slash_commands' | 'events_api' | 'interactive';

export interface EnvelopeOptions {
  envelopeId?: string;
  /** Defaults: true for slash_commands and for view_submission / block_suggestion interactions. */
  acceptsResponsePayload?: boolean;
  /** events_api only: Slack's retry counter and reason (e.g. 'timeout'). */
  retryAttempt?: number;
  retryReason?: string;
  /** How long to wait for the ack (Slack waits 3 s). Default 5000. */
  timeoutMs?: number;
}

export interface EnvelopeAck {
  envelope_id: string;
  /** What the client put in its ack (`{}` for a bare ack()). */
  payload?: unknown;
  /** Time from sending the envelope to receiving the ack. */
  elapsedMs: number;
  connectionId: number;
}

export interface SocketModeMessage {
  connectionId: number;
  data: unknown;
  at: number;
}

export interface FakeSocketModeOptions {
  appId: string;
  /** Server pings every N ms (the client watches for them); 0 disables. Default 5000. */
  pingIntervalMs?: number;
}

interface Connection {
  id: number;
  socket: WebSocket;
  closed: Promise<void>;
  timer: NodeJS.Timeout | undefined;
}

export class FakeSocketMode {
  /** Every message a client sent (acks included), parsed when JSON. */
  readonly received: SocketModeMessage[] = [];
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly tickets = new Set<string>();
  private readonly connections: Connection[] = [];
  private readonly acks: EnvelopeAck[] = [];
  private readonly pendingSends = new Map<string, number>();
  private readonly ackWaiters = new WaitList<EnvelopeAck>();
  private readonly helloWaiters = new WaitList<number>();
  private total = 0;

  constructor(
    private readonly wsBaseUrl: () => string,
    private readonly options: FakeSocketModeOptions,
  ) {}

  /** A one-time WebSocket URL, as apps.connections.open returns. */
  issueUrl(): string {
    const ticket = randomUUID();
    this.tickets.add(ticket);
    return `${this.wsBaseUrl()}/socket-mode?ticket=${ticket}&app_id=${this.options.appId}`;
  }

  /** Currently open connections. */
  get openConnections(): number {
    return this.connections.length;
  }

  /** Connections opened since start (reconnects count). */
  get totalConnections(): number {
    return this.total;
  }

  /** Takes an HTTP upgrade if it is for /socket-mode; returns false otherwise. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    const url = new URL(req.url ?? '/', 'http://fake.local');
    if (url.pathname !== '/socket-mode') return false;
    const ticket = url.searchParams.get('ticket') ?? '';
    if (!this.tickets.delete(ticket)) {
      socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return true;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws));
    return true;
  }

  /** Resolves once a connection is open and at least `minTotal` have been opened in all. */
  waitForConnection(options: { minTotal?: number; timeoutMs?: number } = {}): Promise<void> {
    const minTotal = options.minTotal ?? 1;
    const existing = this.connections.length > 0 ? [this.total] : [];
    return this.helloWaiters
      .wait(existing, (n) => n >= minTotal, options.timeoutMs ?? 5000, `Socket Mode connection #${minTotal}`)
      .then(() => undefined);
  }

  /** Sends a payload wrapped as Slack does; resolves with the client's ack. */
  sendEnvelope(
    type: EnvelopeType,
    payload: Record<string, unknown>,
    options: EnvelopeOptions = {},
  ): Promise<EnvelopeAck> {
    const connection = this.connections.at(-1);
    if (!connection) return Promise.reject(new Error('No Socket Mode client is connected to the fake'));
    const envelopeId = options.envelopeId ?? randomUUID();
    const interactiveWithResponse =
      type === 'interactive' && ['view_submission', 'block_suggestion'].includes(String(payload.type));
    const envelope: Record<string, unknown> = {
      envelope_id: envelopeId,
      payload,
      type,
      accepts_response_payload:
        options.acceptsResponsePayload ?? (type === 'slash_commands' || interactiveWithResponse),
      ...(type === 'events_api'
        ? { retry_attempt: options.retryAttempt ?? 0, retry_reason: options.retryReason ?? '' }
        : {}),
    };
    const sentAt = performance.now();
    this.pendingSends.set(envelopeId, sentAt);
    connection.socket.send(JSON.stringify(envelope));
    const timeoutMs = options.timeoutMs ?? 5000;
    return this.ackWaiters.wait(
      this.acks,
      (a) => a.envelope_id === envelopeId,
      timeoutMs,
      `the ack of envelope ${envelopeId} (${type})`,
    );
  }

  /** Sends any JSON message to the newest connection (or all, with `all`). */
  sendRaw(message: Record<string, unknown>, all = false): void {
    const targets = all ? this.connections : this.connections.slice(-1);
    for (const c of targets) c.socket.send(JSON.stringify(message));
  }

  /**
   * Sends `{"type":"disconnect","reason":…}` to every open connection (as Slack does before
   * recycling a server) and resolves once those sockets have closed.
   */
  async sendDisconnect(
    reason: 'warning' | 'refresh_requested' | 'link_disabled' = 'refresh_requested',
  ): Promise<void> {
    const targets = [...this.connections];
    for (const c of targets)
      c.socket.send(JSON.stringify({ type: 'disconnect', reason, debug_info: { host: 'applink-fake' } }));
    await Promise.all(targets.map((c) => c.closed));
  }

  /** Kills every connection without a close handshake (a network drop). */
  async dropConnections(): Promise<void> {
    const targets = [...this.connections];
    for (const c of targets) c.socket.terminate();
    await Promise.all(targets.map((c) => c.closed));
  }

  async close(): Promise<void> {
    await this.dropConnections();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  reset(): void {
    this.received.length = 0;
    this.acks.length = 0;
  }

  private accept(socket: WebSocket): void {
    this.total += 1;
    const id = this.total;
    let markClosed: () => void = () => {};
    const closed = new Promise<void>((resolve) => {
      markClosed = resolve;
    });
    const interval = this.options.pingIntervalMs ?? 5000;
    const timer = interval > 0 ? setInterval(() => socket.ping(), interval) : undefined;
    timer?.unref();
    const connection: Connection = { id, socket, closed, timer };
    this.connections.push(connection);
    socket.on('message', (data, isBinary) => this.onMessage(id, isBinary ? data : data.toString()));
    socket.on('close', () => {
      clearInterval(timer);
      this.connections.splice(this.connections.indexOf(connection), 1);
      markClosed();
    });
    socket.on('error', () => socket.terminate());
    socket.send(
      JSON.stringify({
        type: 'hello',
        num_connections: this.connections.length,
        debug_info: { host: 'applink-fake', build_number: 1, approximate_connection_time: 18060 },
        connection_info: { app_id: this.options.appId },
      }),
    );
    this.helloWaiters.notify(this.total);
  }

  private onMessage(connectionId: number, raw: unknown): void {
    let data: unknown = raw;
    try {
      data = typeof raw === 'string' ? (JSON.parse(raw) as unknown) : raw;
    } catch {
      // kept as text
    }
    this.received.push({ connectionId, data, at: Date.now() });
    const envelopeId =
      typeof data === 'object' && data !== null ? (data as { envelope_id?: unknown }).envelope_id : undefined;
    if (typeof envelopeId !== 'string') return;
    const sentAt = this.pendingSends.get(envelopeId);
    this.pendingSends.delete(envelopeId);
    const ack: EnvelopeAck = {
      envelope_id: envelopeId,
      payload: (data as { payload?: unknown }).payload,
      elapsedMs: sentAt === undefined ? 0 : performance.now() - sentAt,
      connectionId,
    };
    this.acks.push(ack);
    this.ackWaiters.notify(ack);
  }
}
