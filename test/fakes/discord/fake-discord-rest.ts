import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FakeDiscordState } from './fake-discord-state.ts';
import { FaultInjector, type FaultSpec, faultResponse } from './fault-injector.ts';
import { DiscordHttpError, notFound, unauthorized } from './http-errors.ts';
import { parseBody, readRaw } from './request-body.ts';
import { type RecordedRequest, RequestLog, type RoutePattern, type WaitOptions } from './request-log.ts';
import { type RouteResult, Router, safeDecode } from './router.ts';
import { appRoutes } from './routes-app.ts';
import { guildRoutes } from './routes-guild.ts';
import { interactionRoutes } from './routes-interactions.ts';
import { messageRoutes } from './routes-messages.ts';
import { threadRoutes } from './routes-threads.ts';
import { validateRequestBody } from './spec-validator.ts';

export interface FakeDiscordRestOptions {
  /** When set, REST calls must carry `Authorization: Bot <token>` (else 401). Any token is accepted otherwise. */
  token?: string;
  /** Validate every request body against discord-openapi.json (default true). See `specViolations()`. */
  validateAgainstSpec?: boolean;
  /** Answer spec violations with 400 50035 instead of only recording them (default false). */
  rejectSpecViolations?: boolean;
}

export interface SpecViolation {
  index: number;
  method: string;
  path: string;
  operation: string;
  errors: string[];
  body: unknown;
}

/** The REST half of the fake: an HTTP server on 127.0.0.1 serving `/api/v10/...` from the in-memory state. */
export class FakeDiscordRest {
  readonly log = new RequestLog();
  readonly faults = new FaultInjector();
  /** Errors thrown by the fake itself (bugs in the fake), answered with 500. */
  readonly internalErrors: unknown[] = [];
  private readonly router = new Router([
    ...appRoutes,
    ...guildRoutes,
    ...messageRoutes,
    ...threadRoutes,
    ...interactionRoutes,
  ]);
  private readonly violations: SpecViolation[] = [];

  private constructor(
    readonly state: FakeDiscordState,
    readonly server: Server,
    readonly options: FakeDiscordRestOptions,
  ) {}

  static async start(
    state: FakeDiscordState,
    options: FakeDiscordRestOptions = {},
    port = 0,
  ): Promise<FakeDiscordRest> {
    const server = createServer();
    const rest = new FakeDiscordRest(state, server, options);
    server.on('request', (req, res) => void rest.handle(req, res));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    return rest;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** What to pass as discord.js `rest.api`. */
  get apiBase(): string {
    return `${this.origin}/api`;
  }

  get requests(): RecordedRequest[] {
    return this.log.requests;
  }

  requestsTo(method: string, pattern: RoutePattern): RecordedRequest[] {
    return this.log.requestsTo(method, pattern);
  }

  waitForRequest(method: string, pattern: RoutePattern, options?: WaitOptions): Promise<RecordedRequest> {
    return this.log.waitForRequest(method, pattern, options);
  }

  /** The next `times` matching requests fail with `fault` (429 with rate-limit headers, 403 50013, 500, reset). */
  failNext(pattern: RoutePattern, fault: FaultSpec, times = 1): void {
    this.faults.failNext(pattern, fault, times);
  }

  specViolations(): SpecViolation[] {
    return [...this.violations];
  }

  /** Requests no route of the fake handles (answered 404 `{code: 0}`): endpoints the fake may need to learn. */
  unhandledRequests(): RecordedRequest[] {
    return this.log.requests.filter((r) => r.route === null && r.status === 404);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.origin);
    if (url.pathname.startsWith('/attachments/')) return this.serveAttachment(url.pathname, res);
    const api = /^\/api\/v\d+(\/.*)$/.exec(url.pathname);
    const method = (req.method ?? 'GET').toUpperCase();
    const rawPath = api?.[1] ?? url.pathname;
    const raw = await readRaw(req);
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
    const match = api ? this.router.match(method, rawPath) : null;
    const record = this.log.add({
      method,
      path: rawPath.split('/').map(safeDecode).join('/'),
      route: match?.route.pattern ?? null,
      params: match?.params ?? {},
      query: Object.fromEntries(url.searchParams),
      body: undefined,
      files: [],
      headers,
      contentType: req.headers['content-type'] ?? null,
      status: null,
      responseBody: undefined,
      faulted: false,
      specErrors: [],
      at: this.state.now(),
    });
    let result: RouteResult & { headers?: Record<string, string> };
    try {
      const parsed = await parseBody(raw, req.headers['content-type']);
      record.body = parsed.body;
      record.files = parsed.files;
      if (match?.route.auth !== false && !this.authorized(req.headers.authorization)) throw unauthorized();
      this.checkSpec(record);
      const fault = this.faults.take(record);
      if (fault && 'network' in fault) {
        record.faulted = true;
        record.status = 0;
        req.socket.destroy();
        this.log.complete(record);
        return;
      }
      if (fault) {
        record.faulted = true;
        result = faultResponse(fault, this.bucket(record), this.state.now());
      } else {
        if (!match) throw notFound();
        result = await match.route.handler({
          method,
          path: record.path,
          params: match.params,
          query: url.searchParams,
          body: parsed.body,
          files: parsed.files,
          headers: req.headers,
          state: this.state,
          origin: this.origin,
        });
      }
    } catch (error) {
      if (!(error instanceof DiscordHttpError)) this.internalErrors.push(error);
      const e =
        error instanceof DiscordHttpError
          ? error
          : new DiscordHttpError(500, 0, '500: Internal Server Error');
      result = { status: e.status, body: e.body() };
    }
    this.send(res, record, result);
  }

  private authorized(header: string | undefined): boolean {
    if (!header) return false;
    return this.options.token === undefined || header === `Bot ${this.options.token}`;
  }

  private checkSpec(record: RecordedRequest): void {
    if (this.options.validateAgainstSpec === false || record.body === undefined) return;
    const check = validateRequestBody(record.method, record.path, record.contentType, record.body);
    if (!check || check.errors.length === 0) return;
    record.specErrors = check.errors;
    const { index, method, path, body } = record;
    this.violations.push({ index, method, path, operation: check.operation, errors: check.errors, body });
    if (this.options.rejectSpecViolations) {
      throw new DiscordHttpError(400, 50035, 'Invalid Form Body', {
        _spec: { _errors: check.errors.map((message) => ({ code: 'SPEC_VIOLATION', message })) },
      });
    }
  }

  private bucket(record: RecordedRequest): string {
    return createHash('sha1')
      .update(`${record.method} ${record.route ?? record.path}`)
      .digest('hex')
      .slice(0, 16);
  }

  private send(
    res: ServerResponse,
    record: RecordedRequest,
    result: RouteResult & { headers?: Record<string, string> },
  ) {
    record.status = result.status;
    record.responseBody = result.body;
    const headers: Record<string, string> = { ...(result.headers ?? {}) };
    if (result.status < 400) {
      const nowSec = this.state.now() / 1000;
      headers['x-ratelimit-limit'] = '50';
      headers['x-ratelimit-remaining'] = '49';
      headers['x-ratelimit-reset'] = (nowSec + 1).toFixed(3);
      headers['x-ratelimit-reset-after'] = '1.000';
      headers['x-ratelimit-bucket'] = this.bucket(record);
    }
    if (result.status === 204 || result.body === undefined) {
      res.writeHead(result.status, headers).end();
    } else {
      res
        .writeHead(result.status, { ...headers, 'content-type': 'application/json' })
        .end(JSON.stringify(result.body));
    }
    this.log.complete(record);
  }

  private serveAttachment(pathname: string, res: ServerResponse): void {
    const id = pathname.split('/')[3] ?? '';
    const file = this.state.messages.files.get(id);
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': file.contentType ?? 'application/octet-stream' }).end(file.data);
  }
}
