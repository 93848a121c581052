import type { IncomingMessage } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { CallRecorder } from './call-recorder.ts';
import type { FakeWorkspace } from './fake-workspace.ts';
import { describeFault, type FaultInjector } from './fault-injector.ts';
import type { InteractionTokens } from './interaction-tokens.ts';
import { type MethodContext, type MethodHandler, SlackApiError } from './method-context.ts';
import { parseRequest, tokenOf } from './request-body.ts';

/** Turns one `/api/<method>` request into an answer: auth, injected faults, then the handler. */

export interface DispatcherDeps {
  workspace(): FakeWorkspace;
  recorder: CallRecorder;
  faults: FaultInjector;
  handlers: Map<string, MethodHandler>;
  tokens: InteractionTokens;
  baseUrl(): string;
  issueSocketModeUrl(): string;
  /** Accepted tokens; when undefined any xoxb-/xoxp-/xapp- token is accepted. */
  validTokens: readonly string[] | undefined;
  scopes: readonly string[];
  chatWritePublic: boolean;
}

export type Answer =
  | { kind: 'answer'; status: number; headers: Record<string, string>; body: string }
  | { kind: 'drop' };

const JSON_TYPE = 'application/json; charset=utf-8';

/** Slack's own checks before a method runs: token present, known, of the right type. */
function authError(deps: DispatcherDeps, method: string, token: string | undefined): string | undefined {
  if (!token) return 'not_authed';
  if (deps.validTokens ? !deps.validTokens.includes(token) : !/^xox[bp]-|^xapp-/.test(token))
    return 'invalid_auth';
  const appLevel = method.startsWith('apps.connections.');
  if (token.startsWith('xapp-') !== appLevel) return 'not_allowed_token_type';
  return undefined;
}

export async function dispatchApiCall(
  deps: DispatcherDeps,
  method: string,
  req: IncomingMessage,
  raw: Buffer,
): Promise<Answer> {
  const headers = { 'Content-Type': JSON_TYPE, 'X-OAuth-Scopes': deps.scopes.join(',') };
  const json = (status: number, body: Record<string, unknown>, fault?: string): Answer => {
    deps.recorder.complete(call, status, body, fault);
    return { kind: 'answer', status, headers, body: JSON.stringify(body) };
  };
  let params: Record<string, unknown> = {};
  let parseError: string | undefined;
  try {
    params = (await parseRequest(req, raw)).params;
  } catch (error) {
    parseError =
      error instanceof Error && error.message === 'json_not_object' ? 'json_not_object' : 'invalid_json';
  }
  const token = tokenOf(req.headers, params);
  const call = deps.recorder.start({ method, params, headers: req.headers, token, at: Date.now() });

  let fault = deps.faults.take(method);
  if (fault && 'delayMs' in fault) {
    await sleep(fault.delayMs);
    fault = undefined;
  }
  if (fault && 'dropConnection' in fault) {
    deps.recorder.complete(call, 0, undefined, 'drop');
    return { kind: 'drop' };
  }
  if (fault && 'status' in fault) {
    const limited = fault.status === 429;
    const body =
      fault.body ?? (limited ? '{"ok":false,"error":"ratelimited"}' : 'Internal Server Error: fake outage');
    deps.recorder.complete(
      call,
      fault.status,
      limited ? { ok: false, error: 'ratelimited' } : undefined,
      describeFault(fault),
    );
    return {
      kind: 'answer',
      status: fault.status,
      headers: {
        'Content-Type': limited ? JSON_TYPE : 'text/plain',
        ...(fault.retryAfter !== undefined ? { 'Retry-After': String(fault.retryAfter) } : {}),
      },
      body,
    };
  }
  if (fault && 'error' in fault) {
    const needed =
      fault.needed !== undefined
        ? { needed: fault.needed, provided: fault.provided ?? deps.scopes.join(',') }
        : {};
    return json(200, { ok: false, error: fault.error, ...needed, ...fault.extra }, describeFault(fault));
  }

  if (parseError) return json(200, { ok: false, error: parseError });
  const denied = authError(deps, method, token);
  if (denied) return json(200, { ok: false, error: denied });
  const handler = deps.handlers.get(method);
  if (!handler) return json(200, { ok: false, error: 'unknown_method', req_method: method });

  const ctx: MethodContext = {
    method,
    params,
    token,
    workspace: deps.workspace(),
    baseUrl: deps.baseUrl(),
    tokens: deps.tokens,
    issueSocketModeUrl: deps.issueSocketModeUrl,
    chatWritePublic: deps.chatWritePublic,
  };
  try {
    const result = await handler(ctx);
    if (fault && 'lostAnswer' in fault) {
      deps.recorder.complete(call, 0, { ok: true, ...result }, 'lost-answer');
      return { kind: 'drop' };
    }
    return json(200, { ok: true, ...result });
  } catch (error) {
    if (error instanceof SlackApiError) return json(200, { ok: false, error: error.code, ...error.extra });
    const detail = error instanceof Error ? error.message : String(error);
    return json(200, { ok: false, error: 'fatal_error', fake_detail: detail });
  }
}
