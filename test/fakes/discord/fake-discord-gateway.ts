import { randomBytes } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import type { FakeDiscordState } from './fake-discord-state.ts';
import { applyMessageContentIntent, Intent, requiredIntent } from './gateway-intents.ts';
import {
  disallowedIntents,
  membersChunkPayload,
  type PrivilegedIntents,
  readyPayload,
} from './gateway-payloads.ts';
import * as inbound from './inbound-builders.ts';
import * as interactions from './interaction-builders.ts';
import type { FakeMessage } from './model-types.ts';
import { guildCreateWire } from './wire.ts';

export interface FakeGatewayOptions {
  /** When set, IDENTIFY/RESUME must carry this token (else close 4004). */
  token?: string;
  /** HELLO's heartbeat_interval (ms). Default 41250 like Discord. */
  heartbeatIntervalMs?: number;
  /** Drop dispatches the session's intents do not cover and blank content without MESSAGE_CONTENT. Default true. */
  enforceIntents?: boolean;
  /** Privileged intents enabled for the app in the "developer portal"; identifying with a disabled one closes 4014. */
  privilegedIntents?: PrivilegedIntents;
}

/** Discord's sharding formula: a guild belongs to shard `(guild_id >> 22) % num_shards`. */
export function shardOfGuild(guildId: string, shards: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shards));
}

export interface IdentifyRecord {
  sessionId: string;
  token: string;
  intents: number;
  properties: unknown;
  shard: unknown;
  at: number;
}

export interface DispatchRecord {
  t: string;
  d: Record<string, unknown>;
  /** Session ids it was sent (or buffered for resume) to, after intent filtering. */
  deliveredTo: string[];
  at: number;
}

interface Session {
  id: string;
  ws: WebSocket | null;
  seq: number;
  intents: number;
  buffer: { s: number; frame: string }[];
  /** `[shard_id, num_shards]` from IDENTIFY; a session gets only its shard's guilds' events. */
  shard: [number, number] | undefined;
}

type Frame = { op: number; d?: unknown; s?: number | null; t?: string | null };

/** The gateway half of the fake: `ws://127.0.0.1:<port>/gateway` on the REST server, speaking gateway v10 JSON. */
export class FakeDiscordGateway {
  readonly identifies: IdentifyRecord[] = [];
  /** Every frame clients sent (heartbeats included). */
  readonly received: (Frame & { at: number })[] = [];
  readonly dispatched: DispatchRecord[] = [];
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly sessions = new Map<string, Session>();
  private readyWaiters: ((r: IdentifyRecord) => void)[] = [];
  private readonly unsubscribe: () => void;

  constructor(
    readonly state: FakeDiscordState,
    readonly server: Server,
    private readonly origin: string,
    private readonly options: FakeGatewayOptions = {},
  ) {
    server.on('upgrade', this.onUpgrade);
    this.unsubscribe = state.onDispatch((t, d) => this.dispatch(t, d));
  }

  get url(): string {
    return `${this.origin.replace(/^http/, 'ws')}/gateway`;
  }

  /** Sends a dispatch (op 0) to every identified session whose intents allow it; returns how many got it. */
  dispatch(t: string, d: Record<string, unknown>): number {
    const enforce = this.options.enforceIntents ?? true;
    const needed = requiredIntent(t, d);
    const deliveredTo: string[] = [];
    const guildId = typeof d.guild_id === 'string' ? d.guild_id : undefined;
    for (const session of this.sessions.values()) {
      if (enforce && needed !== null && !(session.intents & needed)) continue;
      if (guildId !== undefined && !ownsGuild(session, guildId)) continue;
      const data = enforce ? applyMessageContentIntent(t, d, session.intents, this.state.ids.botUserId) : d;
      this.sendDispatch(session, t, data);
      deliveredTo.push(session.id);
    }
    this.dispatched.push({ t, d, deliveredTo, at: this.state.now() });
    return deliveredTo.length;
  }

  /** Dispatches INTERACTION_CREATE; the returned id/token are what the bot's callback must use. */
  interactionCreate(input: interactions.InteractionInput): interactions.BuiltInteraction {
    const built = interactions.buildInteraction(this.state, input);
    this.dispatch('INTERACTION_CREATE', built.payload);
    return built;
  }

  slashCommand(input: interactions.SlashCommandInput): interactions.BuiltInteraction {
    return this.interactionCreate({ kind: 'command', ...input });
  }

  buttonClick(input: interactions.ComponentBase): interactions.BuiltInteraction {
    return this.interactionCreate({ kind: 'button', ...input });
  }

  selectMenu(input: interactions.SelectInput): interactions.BuiltInteraction {
    return this.interactionCreate({ kind: 'select', ...input });
  }

  modalSubmit(input: interactions.ModalInput): interactions.BuiltInteraction {
    return this.interactionCreate({ kind: 'modal', ...input });
  }

  /** A user posts a message (stored in history, then MESSAGE_CREATE). */
  messageCreate(input: inbound.InboundMessageInput): FakeMessage {
    return inbound.inboundMessage(this.state, this.origin, input);
  }

  messageUpdate(input: inbound.InboundEditInput): FakeMessage {
    return inbound.inboundEdit(this.state, input);
  }

  messageDelete(input: { channelId?: string; messageId: string }): void {
    inbound.inboundDelete(this.state, input);
  }

  reactionAdd(input: inbound.InboundReactionInput): boolean {
    return inbound.inboundReaction(this.state, input, true);
  }

  reactionRemove(input: inbound.InboundReactionInput): boolean {
    return inbound.inboundReaction(this.state, input, false);
  }

  /** Resolves when a session has been sent READY and GUILD_CREATE (immediately if one already was). */
  waitForReady(timeoutMs = 5000): Promise<IdentifyRecord> {
    const done = this.identifies.at(-1);
    if (done) return Promise.resolve(done);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`No IDENTIFY within ${timeoutMs} ms`)), timeoutMs);
      this.readyWaiters.push((r) => {
        clearTimeout(timer);
        resolve(r);
      });
    });
  }

  /** Op 7: asks every client to reconnect and resume. */
  requestReconnect(): void {
    for (const s of this.sessions.values()) s.ws?.send(JSON.stringify({ op: 7, d: null, s: null, t: null }));
  }

  /** Closes every socket with `code`; sessions stay resumable (4000 = unknown error, client resumes). */
  disconnectAll(code = 4000, reason = 'fake-discord disconnect'): void {
    for (const ws of this.wss.clients) ws.close(code, reason);
  }

  async close(): Promise<void> {
    this.unsubscribe();
    this.server.off('upgrade', this.onUpgrade);
    for (const ws of this.wss.clients) ws.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private readonly onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const url = new URL(req.url ?? '/', this.origin);
    if (url.pathname.replace(/\/$/, '') !== '/gateway') {
      socket.destroy();
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.onConnection(ws));
  };

  private onConnection(ws: WebSocket): void {
    let session: Session | null = null;
    ws.send(
      JSON.stringify({
        op: 10,
        d: { heartbeat_interval: this.options.heartbeatIntervalMs ?? 41_250 },
        s: null,
        t: null,
      }),
    );
    ws.on('message', (raw) => {
      let frame: Frame;
      try {
        frame = JSON.parse(String(raw)) as Frame;
      } catch {
        ws.close(4002, 'Error while decoding payload.');
        return;
      }
      this.received.push({ ...frame, at: this.state.now() });
      if (frame.op === 1) ws.send(JSON.stringify({ op: 11, d: null, s: null, t: null }));
      else if (frame.op === 2) session = this.identify(ws, session, frame.d as Record<string, unknown>);
      else if (frame.op === 6) session = this.resume(ws, frame.d as Record<string, unknown>);
      else if (frame.op === 8 && session)
        this.sendDispatch(
          session,
          'GUILD_MEMBERS_CHUNK',
          membersChunkPayload(this.state, frame.d as Record<string, unknown>),
        );
      else if (frame.op !== 3 && frame.op !== 4 && !session) ws.close(4003, 'Not authenticated.');
      else if (![3, 4, 8].includes(frame.op)) ws.close(4001, 'Unknown opcode.');
    });
    ws.on('close', (code) => {
      if (session?.ws !== ws) return;
      session.ws = null;
      // Closing with 1000/1001 ends the session (no RESUME), as on Discord.
      if (code === 1000 || code === 1001) this.sessions.delete(session.id);
    });
  }

  private identify(ws: WebSocket, current: Session | null, d: Record<string, unknown>): Session | null {
    if (current) {
      ws.close(4005, 'Already authenticated.');
      return current;
    }
    const token = String(d.token ?? '');
    if (this.options.token !== undefined && token !== this.options.token) {
      ws.close(4004, 'Authentication failed.');
      return null;
    }
    const intents = Number(d.intents ?? 0);
    if (intents & disallowedIntents(this.options.privilegedIntents)) {
      ws.close(4014, 'Disallowed intent(s).');
      return null;
    }
    const shard = validShard(d.shard);
    const session: Session = { id: randomBytes(16).toString('hex'), ws, seq: 0, intents, buffer: [], shard };
    this.sessions.set(session.id, session);
    const record = {
      sessionId: session.id,
      token,
      intents,
      properties: d.properties,
      shard: d.shard,
      at: this.state.now(),
    };
    this.identifies.push(record);
    const hasGuild = ownsGuild(session, this.state.guild.id);
    const ready = readyPayload(
      this.state,
      session.id,
      this.url,
      d.shard,
      this.options.privilegedIntents,
      hasGuild,
    );
    this.sendDispatch(session, 'READY', ready);
    if (hasGuild && intents & Intent.Guilds)
      this.sendDispatch(session, 'GUILD_CREATE', guildCreateWire(this.state));
    for (const waiter of this.readyWaiters.splice(0)) waiter(record);
    return session;
  }

  private resume(ws: WebSocket, d: Record<string, unknown>): Session | null {
    const session = this.sessions.get(String(d.session_id ?? ''));
    const tokenOk = this.options.token === undefined || d.token === this.options.token;
    if (!session || !tokenOk) {
      ws.send(JSON.stringify({ op: 9, d: false, s: null, t: null }));
      return null;
    }
    session.ws?.terminate();
    session.ws = ws;
    const since = Number(d.seq ?? 0);
    for (const entry of session.buffer) if (entry.s > since) ws.send(entry.frame);
    this.sendDispatch(session, 'RESUMED', {});
    return session;
  }

  private sendDispatch(session: Session, t: string, d: Record<string, unknown>): void {
    session.seq += 1;
    const frame = JSON.stringify({ op: 0, t, s: session.seq, d });
    session.buffer.push({ s: session.seq, frame });
    if (session.buffer.length > 1000) session.buffer.shift();
    if (session.ws?.readyState === WebSocket.OPEN) session.ws.send(frame);
  }
}

function validShard(shard: unknown): [number, number] | undefined {
  if (!Array.isArray(shard) || shard.length !== 2) return undefined;
  const [id, count] = shard.map(Number);
  if (
    id === undefined ||
    count === undefined ||
    !Number.isInteger(id) ||
    !Number.isInteger(count) ||
    count < 1
  )
    return undefined;
  return [id, count];
}

function ownsGuild(session: Session, guildId: string): boolean {
  return !session.shard || shardOfGuild(guildId, session.shard[1]) === session.shard[0];
}
