import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type CallPredicate, CallRecorder, type RecordedCall } from './call-recorder.ts';
import { FakeSocketMode } from './fake-socket-mode.ts';
import { FakeWorkspace } from './fake-workspace.ts';
import { type Fault, FaultInjector, type RateTier } from './fault-injector.ts';
import { InteractionTokens, type ResponseUrlContext, type ResponseUrlPost } from './interaction-tokens.ts';
import type { MethodHandler } from './method-context.ts';
import { chatMethods } from './methods-chat.ts';
import { conversationMethods } from './methods-conversations.ts';
import { fileForDownload, fileMethods, receiveUpload } from './methods-files.ts';
import { historyMethods } from './methods-history.ts';
import { identityAndViewMethods } from './methods-identity-views.ts';
import { parseRequest, readBody } from './request-body.ts';
import type { SlackPayloadContext } from './slack-payloads.ts';
import { type SpecCheckOptions, type SpecViolation, specViolations } from './spec-checker.ts';
import { type DispatcherDeps, dispatchApiCall } from './web-api-dispatcher.ts';
import type { WorkspaceSeed } from './workspace-types.ts';

export interface FakeSlackOptions {
  /** Workspace contents; defaults to the workspace described by FAKE_IDS. */
  seed?: WorkspaceSeed;
  /** Tokens the fake accepts. Default: any `xoxb-`, `xoxp-` or `xapp-` token. */
  validTokens?: string[];
  /** Scopes reported in `X-OAuth-Scopes` (and as `provided` on missing_scope). */
  scopes?: string[];
  /** Let the bot post in public channels it has not joined (chat:write.public). Default false. */
  chatWritePublic?: boolean;
  /** trigger_id lifetime; Slack's is 3000 ms. */
  triggerIdTtlMs?: number;
  /** Uses allowed per response_url; Slack's is 5. */
  responseUrlMaxUses?: number;
  /** Socket Mode server ping interval; 0 disables. Default 5000. */
  socketModePingIntervalMs?: number;
  /** Extra or replacement Web API methods. */
  methods?: Record<string, MethodHandler>;
}

const DEFAULT_SCOPES = [
  'app_mentions:read',
  'channels:history',
  'channels:join',
  'channels:manage',
  'channels:read',
  'chat:write',
  'commands',
  'files:read',
  'files:write',
  'groups:history',
  'groups:read',
  'groups:write',
  'im:write',
  'pins:write',
  'reactions:write',
  'usergroups:read',
  'users:read',
  'users:read.email',
];

/**
 * A protocol-level fake Slack on 127.0.0.1: Web API at `/api/<method>`, upload URLs, response
 * URLs, private file downloads and Socket Mode, over one in-memory workspace. See README.md.
 */
export class FakeSlack implements SlackPayloadContext {
  readonly botToken = 'xoxb-fake-bot-token';
  readonly appToken = 'xapp-1-A0FAKEAPP-fake-app-token';
  readonly signingSecret = 'fake-signing-secret';
  readonly socketMode: FakeSocketMode;
  readonly tokens: InteractionTokens;
  private ws: FakeWorkspace;
  private readonly recorder = new CallRecorder();
  private readonly faults = new FaultInjector();
  private readonly handlers: Map<string, MethodHandler>;
  private readonly deps: DispatcherDeps;
  private port = 0;

  constructor(
    private readonly server: Server,
    private readonly options: FakeSlackOptions,
  ) {
    this.ws = new FakeWorkspace(options.seed);
    this.handlers = new Map(
      Object.entries({
        ...conversationMethods,
        ...historyMethods,
        ...chatMethods,
        ...identityAndViewMethods,
        ...fileMethods,
        ...options.methods,
      }),
    );
    this.tokens = new InteractionTokens(
      () => this.url,
      () => this.ws,
      {
        triggerIdTtlMs: options.triggerIdTtlMs ?? 3000,
        responseUrlMaxUses: options.responseUrlMaxUses ?? 5,
      },
    );
    this.socketMode = new FakeSocketMode(() => `ws://127.0.0.1:${this.port}`, {
      appId: this.ws.appId,
      ...(options.socketModePingIntervalMs !== undefined
        ? { pingIntervalMs: options.socketModePingIntervalMs }
        : {}),
    });
    this.deps = {
      workspace: () => this.ws,
      recorder: this.recorder,
      faults: this.faults,
      handlers: this.handlers,
      tokens: this.tokens,
      baseUrl: () => this.url,
      issueSocketModeUrl: () => this.socketMode.issueUrl(),
      validTokens: options.validTokens,
      scopes: options.scopes ?? DEFAULT_SCOPES,
      chatWritePublic: options.chatWritePublic ?? false,
    };
  }

  /** `http://127.0.0.1:<port>` */
  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }
  /** The Web API base URL to give Bolt / WebClient as `slackApiUrl`: `http://127.0.0.1:<port>/api/`. */
  get apiUrl(): string {
    return `${this.url}/api/`;
  }
  get workspace(): FakeWorkspace {
    return this.ws;
  }
  get teamId(): string {
    return this.ws.team.id;
  }
  get teamDomain(): string {
    return this.ws.team.domain;
  }
  get appId(): string {
    return this.ws.appId;
  }
  get botUserId(): string {
    return this.ws.botUser.id;
  }
  get botId(): string {
    return this.ws.botId;
  }
  userName(id: string): string | undefined {
    return this.ws.users.get(id)?.name;
  }
  channelName(id: string): string | undefined {
    return this.ws.channels.get(id)?.name;
  }

  /** Every Web API call received, oldest first. */
  get calls(): readonly RecordedCall[] {
    return this.recorder.calls;
  }
  callsTo(method: string): RecordedCall[] {
    return this.recorder.callsTo(method);
  }
  /** First answered call to `method` matching `predicate`, past or future. */
  waitForCall(method: string, predicate?: CallPredicate, timeoutMs = 5000): Promise<RecordedCall> {
    return this.recorder.waitForCall(method, predicate, timeoutMs);
  }
  /** Forgets calls, response_url posts, Socket Mode messages and faults; `workspace: true` also reseeds. */
  reset(options: { workspace?: boolean } = {}): void {
    this.recorder.reset();
    this.faults.clear();
    this.tokens.reset();
    this.socketMode.reset();
    if (options.workspace) this.ws = new FakeWorkspace(this.options.seed);
  }

  /** The next `times` calls to `method` ('*' = any) get `fault`. */
  failNext(method: string, fault: Fault, times = 1): void {
    this.faults.failNext(method, fault, times);
  }
  /** Every Web API call gets `fault` for `forMs` ms (an outage). */
  failAll(fault: Fault, forMs: number): void {
    this.faults.failAll(fault, forMs);
  }
  clearFaults(): void {
    this.faults.clear();
  }
  /** Puts methods on a slow rate tier: one call per window, 429 with Retry-After for the rest. */
  limitRate(tier: RateTier): void {
    this.faults.limitRate(tier);
  }

  /** Adds or replaces a Web API method. */
  onMethod(method: string, handler: MethodHandler): void {
    this.handlers.set(method, handler);
  }

  /** Calls so far that break Slack's published spec (unknown methods, missing required params…). */
  specViolations(options?: SpecCheckOptions): SpecViolation[] {
    return specViolations(this.recorder.calls, options);
  }

  createResponseUrl(context?: ResponseUrlContext): string {
    return this.tokens.createResponseUrl(context);
  }
  issueTriggerId(): string {
    return this.tokens.issueTriggerId();
  }
  get responseUrlPosts(): readonly ResponseUrlPost[] {
    return this.tokens.responseUrlPosts;
  }
  waitForResponseUrlPost(
    predicate?: (post: ResponseUrlPost) => boolean,
    timeoutMs = 5000,
  ): Promise<ResponseUrlPost> {
    return this.tokens.waitForResponseUrlPost(predicate, timeoutMs);
  }

  /** The bytes uploaded for a file id (files.uploadV2), if any. */
  fileBytes(fileId: string): Buffer | undefined {
    return this.ws.files.get(fileId)?.bytes;
  }

  async listen(): Promise<void> {
    this.server.on('request', (req, res) => {
      this.route(req, res).catch((error: unknown) => {
        if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
        res.end(String(error));
      });
    });
    this.server.on('upgrade', (req, socket, head) => {
      if (!this.socketMode.handleUpgrade(req, socket, head)) socket.destroy();
    });
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', () => resolve());
    });
    this.port = (this.server.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    await this.socketMode.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', this.url).pathname;
    const raw = await readBody(req);
    const send = (
      status: number,
      body: string,
      type = 'application/json; charset=utf-8',
      headers: Record<string, string> = {},
    ) => {
      res.writeHead(status, { 'Content-Type': type, ...headers });
      res.end(body);
    };
    const [, root = '', ...rest] = path.split('/');
    if (root === 'api' && rest.length === 1 && rest[0]) {
      const answer = await dispatchApiCall(this.deps, decodeURIComponent(rest[0]), req, raw);
      if (answer.kind === 'drop') return void req.socket.destroy();
      return send(answer.status, answer.body, answer.headers['Content-Type'], answer.headers);
    }
    if (root === 'upload' && req.method === 'POST') {
      const parsed = await parseRequest(req, raw);
      const bytes = Object.values(parsed.files)[0] ?? raw;
      const answer = receiveUpload(this.ws, rest.at(-1) ?? '', bytes);
      return send(answer.status, answer.body, 'text/plain');
    }
    if (root === 'response-url' && req.method === 'POST') {
      const answer = this.tokens.handlePost(rest[0] ?? '', raw.toString('utf8'), req.headers);
      return send(answer.status, JSON.stringify(answer.body));
    }
    if (root === 'files-pri' && req.method === 'GET') {
      if (!req.headers.authorization?.startsWith('Bearer '))
        return send(302, '', 'text/html', { Location: `${this.url}/login` });
      const file = fileForDownload(this.ws, rest[0] ?? '');
      if (!file?.bytes) return send(404, 'not found', 'text/plain');
      res.writeHead(200, { 'Content-Type': file.mimetype, 'Content-Length': String(file.bytes.length) });
      return void res.end(file.bytes);
    }
    send(404, JSON.stringify({ ok: false, error: 'not_found', path }));
  }
}

/** Starts a fake Slack on 127.0.0.1 (free port). Close it with `await fake.close()`. */
export async function startFakeSlack(options: FakeSlackOptions = {}): Promise<FakeSlack> {
  const fake = new FakeSlack(createServer(), options);
  await fake.listen();
  return fake;
}
