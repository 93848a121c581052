import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/** One request as the receiver saw it, raw body included (signatures are over raw bytes). */
export interface ReceivedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  raw: string;
  json: unknown;
  /** False while the receiver is holding the request open (a hung pager). */
  answered: boolean;
  /** The status it was answered with, once answered. */
  status?: number;
  /** When it arrived (epoch ms), to check how long a client waited before retrying. */
  receivedAt: number;
}

/** What to answer: a status and JSON body, or hold the request open until the receiver closes. */
export type Answer = { status: number; body?: unknown; headers?: Record<string, string> } | 'hang';

/**
 * A real HTTP server on 127.0.0.1 with a port of its own. The protocol handler answers as the real
 * service would; `answerNext` queues faults (5xx, 429, 4xx, hangs) that take precedence, one each.
 */
export class HttpReceiver {
  readonly requests: ReceivedRequest[] = [];
  private readonly faults: Answer[] = [];
  private readonly sockets = new Set<Socket>();

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(protocol: (request: ReceivedRequest) => Answer): Promise<HttpReceiver> {
    let receiver: HttpReceiver | undefined;
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const url = new URL(req.url ?? '/', 'http://127.0.0.1');
        const request: ReceivedRequest = {
          method: req.method ?? 'GET',
          path: url.pathname,
          query: url.searchParams,
          headers: req.headers,
          raw,
          json: parseJson(raw),
          answered: false,
          receivedAt: Date.now(),
        };
        receiver?.requests.push(request);
        const answer = receiver?.faults.shift() ?? protocol(request);
        if (answer === 'hang') return;
        respond(res, answer);
        request.answered = true;
        request.status = answer.status;
      });
    });
    server.on('connection', (socket: Socket) => {
      receiver?.sockets.add(socket);
      socket.on('close', () => receiver?.sockets.delete(socket));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('receiver has no port');
    receiver = new HttpReceiver(server, `http://127.0.0.1:${address.port}`);
    return receiver;
  }

  /** The next requests get these answers instead of the protocol's, in order. */
  answerNext(...answers: Answer[]): void {
    this.faults.push(...answers);
  }

  /** Waits until at least `count` requests match, and returns the matching ones. */
  async waitFor(
    predicate: (request: ReceivedRequest) => boolean,
    count = 1,
    timeoutMs = 20_000,
  ): Promise<ReceivedRequest[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const matching = this.requests.filter(predicate);
      if (matching.length >= count) return matching;
      if (Date.now() > deadline) {
        throw new Error(
          `receiver ${this.url}: expected ${count} matching request(s), got ${matching.length} of ${this.requests.length}: ` +
            this.requests.map((request) => `${request.method} ${request.path} ${request.raw}`).join('\n'),
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  async close(): Promise<void> {
    // Hung requests would keep close() waiting forever; cut them as a crashed service would.
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

function respond(res: ServerResponse, answer: Exclude<Answer, 'hang'>): void {
  const body = answer.body === undefined ? '' : JSON.stringify(answer.body);
  res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
  res.end(body);
}

function parseJson(raw: string): unknown {
  try {
    return raw ? JSON.parse(raw) : undefined;
  } catch {
    return undefined;
  }
}
