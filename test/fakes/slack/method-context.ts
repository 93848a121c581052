import type { FakeWorkspace } from './fake-workspace.ts';
import type { InteractionTokens } from './interaction-tokens.ts';

/** What a Web API method handler gets for one call. */
export interface MethodContext {
  method: string;
  /** Decoded parameters (form fields as strings; JSON-encoded fields such as `blocks` parsed). */
  params: Record<string, unknown>;
  token: string | undefined;
  workspace: FakeWorkspace;
  /** `http://127.0.0.1:<port>` of the fake. */
  baseUrl: string;
  tokens: InteractionTokens;
  /** Issues a one-time Socket Mode WebSocket URL (for apps.connections.open). */
  issueSocketModeUrl(): string;
  /** Whether the bot may post in public channels it has not joined (the chat:write.public scope). */
  chatWritePublic: boolean;
}

/** A handler's answer: the JSON body without `ok` (added as `ok: true`). Throw `SlackApiError` to fail. */
export type MethodResult = Record<string, unknown>;
export type MethodHandler = (ctx: MethodContext) => MethodResult | Promise<MethodResult>;

/** Thrown by handlers to answer `{ ok: false, error: code, ...extra }`. */
export class SlackApiError extends Error {
  constructor(
    readonly code: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(code);
    this.name = 'SlackApiError';
  }
}

export function fail(code: string, extra: Record<string, unknown> = {}): never {
  throw new SlackApiError(code, extra);
}

/** A string parameter; numbers and booleans from JSON bodies are stringified. Empty counts as absent. */
export function str(params: Record<string, unknown>, name: string): string | undefined {
  const v = params[name];
  if (v === undefined || v === null || v === '') return undefined;
  return typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v);
}

/** A required string parameter; missing → the given error (Slack mostly says `invalid_arguments`). */
export function need(params: Record<string, unknown>, name: string, error = 'invalid_arguments'): string {
  const details =
    error === 'invalid_arguments'
      ? { response_metadata: { messages: [`[ERROR] missing required field: ${name}`] } }
      : {};
  return str(params, name) ?? fail(error, details);
}

export function bool(params: Record<string, unknown>, name: string): boolean {
  const v = params[name];
  return v === true || v === 'true' || v === '1' || v === 1;
}

export function int(params: Record<string, unknown>, name: string, fallback: number): number {
  const v = str(params, name);
  if (v === undefined) return fallback;
  const n = Number.parseInt(v, 10);
  return Number.isNaN(n) ? fallback : n;
}

/** A comma-separated list parameter (or a JSON array). */
export function list(params: Record<string, unknown>, name: string): string[] {
  const v = params[name];
  if (Array.isArray(v)) return v.map(String);
  const s = str(params, name);
  return s
    ? s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean)
    : [];
}

/** A JSON-valued parameter: already decoded, or a string to parse; unparsable → `error`. */
export function json(params: Record<string, unknown>, name: string, error = 'invalid_json'): unknown {
  const v = params[name];
  if (typeof v !== 'string') return v;
  try {
    return JSON.parse(v) as unknown;
  } catch {
    return fail(error);
  }
}

/** Encodes a pagination cursor the way Slack does (base64 of "next_ts:<ts>" or "<kind>:<value>"). */
export function encodeCursor(kind: string, value: string): string {
  return Buffer.from(`${kind}:${value}`).toString('base64');
}

export function decodeCursor(cursor: string | undefined, kind: string): string | undefined {
  if (!cursor) return undefined;
  const text = Buffer.from(cursor, 'base64').toString('utf8');
  return text.startsWith(`${kind}:`) ? text.slice(kind.length + 1) : fail('invalid_cursor');
}
