import { type IncomingHttpHeaders, request } from 'node:http';
import {
  type EventEnvelopeOptions,
  eventCallbackPayload,
  type SlackPayloadContext,
  type SlashCommandInput,
  slashCommandPayload,
  standaloneContext,
  urlVerificationPayload,
} from './slack-payloads.ts';
import { signSlackRequest } from './slack-request-signer.ts';

/**
 * Sends requests to a bot's Events endpoint (`POST /slack/events`) byte for byte as Slack does:
 * the raw body, `X-Slack-Request-Timestamp`, `X-Slack-Signature: v0=…`, and on retries
 * `X-Slack-Retry-Num` / `X-Slack-Retry-Reason`. Returns the bot's answer and how long it took.
 */

export interface SlackEventSenderOptions {
  /** The bot's endpoint, e.g. `http://127.0.0.1:3000/slack/events`. */
  url: string;
  signingSecret: string;
  /** Team/app ids, response_urls and trigger_ids for payloads: pass the FakeSlack. */
  context?: SlackPayloadContext;
}

export interface SendOptions {
  /** Sign with the wrong secret (the receiver must answer 401). */
  badSignature?: boolean;
  /** Timestamp 10 minutes in the past, correctly signed (the receiver must answer 401). */
  staleTimestamp?: boolean;
  /** Explicit X-Slack-Request-Timestamp (epoch seconds). */
  timestampSec?: number;
  /** Sends X-Slack-Retry-Num (and X-Slack-Retry-Reason, default 'http_timeout'). */
  retryNum?: number;
  retryReason?:
    | 'http_timeout'
    | 'http_error'
    | 'too_many_requests'
    | 'connection_failed'
    | 'ssl_error'
    | 'unknown_error';
  headers?: Record<string, string>;
  /** Gives up after this long (default 10 s; Slack itself gives up after 3 s). */
  timeoutMs?: number;
}

export interface SendResult<P = unknown> {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
  /** The answer parsed as JSON, when it is JSON. */
  json: unknown;
  elapsedMs: number;
  /** The exact bytes sent. */
  rawBody: string;
  /** The payload that was sent (before encoding). */
  payload: P;
}

export interface SlackEventSender {
  sendSlashCommand(
    input?: SlashCommandInput,
    options?: SendOptions,
  ): Promise<SendResult<Record<string, string>>>;
  sendEvent(
    event: Record<string, unknown>,
    options?: SendOptions & EventEnvelopeOptions,
  ): Promise<SendResult<Record<string, unknown>>>;
  sendUrlVerification(
    challenge?: string,
    options?: SendOptions,
  ): Promise<SendResult<Record<string, unknown>>>;
  /** An interactivity request: the form field `payload=<json>` (block_actions, view_submission, shortcuts…). */
  sendInteraction(
    payload: Record<string, unknown>,
    options?: SendOptions,
  ): Promise<SendResult<Record<string, unknown>>>;
  /** Any body with the given content type, signed. */
  sendRaw(rawBody: string, contentType: string, options?: SendOptions): Promise<SendResult<string>>;
}

const STALE_BY_SEC = 10 * 60;
const FORM = 'application/x-www-form-urlencoded';

function post(url: string, rawBody: string, headers: Record<string, string>, timeoutMs: number) {
  return new Promise<Omit<SendResult, 'rawBody' | 'payload'>>((resolve, reject) => {
    const started = performance.now();
    const req = request(url, { method: 'POST', headers, agent: false, timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        let json: unknown;
        try {
          json = body ? (JSON.parse(body) as unknown) : undefined;
        } catch {
          json = undefined;
        }
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body,
          json,
          elapsedMs: performance.now() - started,
        });
      });
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`No answer from ${url} within ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(rawBody);
  });
}

export function createSlackEventSender(options: SlackEventSenderOptions): SlackEventSender {
  const ctx = options.context ?? standaloneContext;

  async function send<P>(
    rawBody: string,
    contentType: string,
    payload: P,
    o: SendOptions = {},
  ): Promise<SendResult<P>> {
    const now = Math.floor(Date.now() / 1000);
    const ts = o.timestampSec ?? (o.staleTimestamp ? now - STALE_BY_SEC : now);
    const secret = o.badSignature ? `${options.signingSecret}-wrong` : options.signingSecret;
    const headers: Record<string, string> = {
      'Content-Type': contentType,
      'Content-Length': String(Buffer.byteLength(rawBody)),
      'User-Agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
      Accept: '*/*',
      ...signSlackRequest(secret, rawBody, ts),
      ...(o.retryNum !== undefined
        ? { 'X-Slack-Retry-Num': String(o.retryNum), 'X-Slack-Retry-Reason': o.retryReason ?? 'http_timeout' }
        : {}),
      ...o.headers,
    };
    const answer = await post(options.url, rawBody, headers, o.timeoutMs ?? 10_000);
    return { ...answer, rawBody, payload };
  }

  return {
    sendSlashCommand(input = {}, o = {}) {
      const payload = slashCommandPayload(ctx, input);
      return send(new URLSearchParams(payload).toString(), FORM, payload, o);
    },
    sendEvent(event, o = {}) {
      const envelopeOptions: EventEnvelopeOptions = {
        ...(o.eventId !== undefined ? { eventId: o.eventId } : {}),
        ...(o.eventTime !== undefined ? { eventTime: o.eventTime } : {}),
      };
      const payload = eventCallbackPayload(ctx, event, envelopeOptions);
      return send(JSON.stringify(payload), 'application/json', payload, o);
    },
    sendUrlVerification(challenge = `challenge-${Date.now()}`, o = {}) {
      const payload = urlVerificationPayload(challenge);
      return send(JSON.stringify(payload), 'application/json', payload, o);
    },
    sendInteraction(payload, o = {}) {
      return send(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), FORM, payload, o);
    },
    sendRaw(rawBody, contentType, o = {}) {
      return send(rawBody, contentType, rawBody, o);
    },
  };
}
