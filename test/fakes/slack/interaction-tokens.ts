import { randomBytes } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { FakeWorkspace } from './fake-workspace.ts';
import { WaitList } from './wait-list.ts';

/** Where a response_url belongs: lets in_channel / replace_original answers land in the workspace. */
export interface ResponseUrlContext {
  channelId?: string;
  userId?: string;
  /** The message a block action came from (for replace_original / delete_original). */
  messageTs?: string;
}

/** One POST the bot made to a response_url. */
export interface ResponseUrlPost {
  id: string;
  url: string;
  context: ResponseUrlContext;
  /** The parsed JSON body (undefined when it was not JSON). */
  body: Record<string, unknown> | undefined;
  rawBody: string;
  headers: IncomingHttpHeaders;
  at: number;
  /** HTTP status the fake answered. */
  status: number;
}

export interface InteractionTokensOptions {
  /** How long a trigger_id stays valid (Slack: 3 s). */
  triggerIdTtlMs: number;
  /** How many times a response_url may be used (Slack: 5 times in 30 minutes). */
  responseUrlMaxUses: number;
}

const RESPONSE_URL_TTL_MS = 30 * 60 * 1000;

/** trigger_ids and response_urls the fake hands out in payloads, and what the bot does with them. */
export class InteractionTokens {
  readonly responseUrlPosts: ResponseUrlPost[] = [];
  private readonly postWaiters = new WaitList<ResponseUrlPost>();
  private readonly triggers = new Map<string, { issuedAt: number; used: boolean }>();
  private readonly responseUrls = new Map<
    string,
    { context: ResponseUrlContext; issuedAt: number; uses: number }
  >();

  constructor(
    private readonly baseUrl: () => string,
    private readonly workspace: () => FakeWorkspace,
    private readonly options: InteractionTokensOptions,
    private readonly clock: () => number = Date.now,
  ) {}

  /** A fresh trigger_id, shaped like Slack's ("<sec>.<digits>.<hex>"). */
  issueTriggerId(): string {
    const id = `${Math.floor(this.clock() / 1000)}.${this.triggers.size + 1000}.${randomBytes(16).toString('hex')}`;
    this.triggers.set(id, { issuedAt: this.clock(), used: false });
    return id;
  }

  /** Uses up a trigger_id; returns the Slack error code when it cannot be used. */
  consumeTriggerId(id: string): string | undefined {
    const trigger = this.triggers.get(id);
    if (!trigger) return 'invalid_trigger_id';
    if (trigger.used) return 'exchanged_trigger_id';
    if (this.clock() - trigger.issuedAt > this.options.triggerIdTtlMs) return 'expired_trigger_id';
    trigger.used = true;
    return undefined;
  }

  /** A response_url on the fake (`<base>/response-url/<id>`) that records what is posted to it. */
  createResponseUrl(context: ResponseUrlContext = {}): string {
    const id = randomBytes(12).toString('hex');
    this.responseUrls.set(id, { context, issuedAt: this.clock(), uses: 0 });
    return `${this.baseUrl()}/response-url/${id}`;
  }

  /** Handles `POST /response-url/<id>`; returns the HTTP status and JSON body to answer. */
  handlePost(id: string, rawBody: string, headers: IncomingHttpHeaders): { status: number; body: object } {
    const entry = this.responseUrls.get(id);
    let parsed: Record<string, unknown> | undefined;
    try {
      parsed = JSON.parse(rawBody) as Record<string, unknown>;
    } catch {
      parsed = undefined;
    }
    const answer = ((): { status: number; body: object } => {
      if (!entry) return { status: 404, body: { ok: false, error: 'invalid_url' } };
      if (this.clock() - entry.issuedAt > RESPONSE_URL_TTL_MS)
        return { status: 404, body: { ok: false, error: 'expired_url' } };
      if (entry.uses >= this.options.responseUrlMaxUses)
        return { status: 404, body: { ok: false, error: 'used_url' } };
      if (!parsed) return { status: 400, body: { ok: false, error: 'invalid_payload' } };
      if (!parsed.text && !parsed.blocks && !parsed.delete_original)
        return { status: 400, body: { ok: false, error: 'no_text' } };
      entry.uses += 1;
      this.apply(entry.context, parsed);
      return { status: 200, body: { ok: true } };
    })();
    const post: ResponseUrlPost = {
      id,
      url: `${this.baseUrl()}/response-url/${id}`,
      context: entry?.context ?? {},
      body: parsed,
      rawBody,
      headers,
      at: this.clock(),
      status: answer.status,
    };
    this.responseUrlPosts.push(post);
    this.postWaiters.notify(post);
    return answer;
  }

  waitForResponseUrlPost(
    predicate: (post: ResponseUrlPost) => boolean = () => true,
    timeoutMs = 5000,
  ): Promise<ResponseUrlPost> {
    return this.postWaiters.wait(this.responseUrlPosts, predicate, timeoutMs, 'a response_url post');
  }

  reset(): void {
    this.responseUrlPosts.length = 0;
  }

  /** Mirrors a response in the workspace: in_channel posts, ephemeral replies, replace/delete original. */
  private apply(context: ResponseUrlContext, body: Record<string, unknown>): void {
    const ws = this.workspace();
    const channel = context.channelId;
    if (!channel) return;
    const text = typeof body.text === 'string' ? body.text : '';
    const blocks = Array.isArray(body.blocks) ? (body.blocks as unknown[]) : undefined;
    const original = context.messageTs ? ws.findMessage(channel, context.messageTs) : undefined;
    if (body.delete_original === true && original) {
      const list = ws.messages(channel);
      list.splice(list.indexOf(original), 1);
    } else if (body.replace_original === true && original) {
      original.text = text;
      if (blocks) original.blocks = blocks;
    } else if (body.response_type === 'in_channel') {
      const threadTs = typeof body.thread_ts === 'string' ? body.thread_ts : undefined;
      ws.addMessage(channel, {
        text,
        user: ws.botUser.id,
        bot_id: ws.botId,
        app_id: ws.appId,
        ...(blocks ? { blocks } : {}),
        ...(threadTs ? { thread_ts: threadTs } : {}),
      });
    } else {
      ws.ephemerals.push({
        channel,
        user: context.userId ?? '',
        message_ts: ws.nextTs(),
        text,
        ...(blocks ? { blocks } : {}),
      });
    }
  }
}
