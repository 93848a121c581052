import { STATUS_CODES } from 'node:http';
import { ERROR_MESSAGES, type FormErrors } from './http-errors.ts';
import { matchesRequest, type RoutePattern } from './request-log.ts';

export interface RateLimitFault {
  status: 429;
  /** Seconds (float), as in the body's `retry_after`. Default 0.5. */
  retryAfter?: number;
  /** A global rate limit: adds `X-RateLimit-Global: true` and scope `global`. */
  global?: boolean;
  /** `X-RateLimit-Scope`; default `user` (or `global` when `global`). */
  scope?: 'user' | 'shared' | 'global';
  /**
   * Discord's `Retry-After` header is whole seconds rounded up (0.5 → "1"), and discord.js waits for the header.
   * Set true to send the exact float instead, so tests wait only `retryAfter`.
   */
  exactRetryAfterHeader?: boolean;
}

export interface ErrorFault {
  status: number;
  /** Discord JSON error code (50013, 50001, 10003, ...). Default 0. */
  code?: number;
  message?: string;
  errors?: FormErrors;
}

/** Drop the TCP connection without answering (discord.js retries ECONNRESET). */
export interface NetworkFault {
  network: 'reset';
}

export type FaultSpec = RateLimitFault | ErrorFault | NetworkFault;

export interface FaultResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

interface Armed {
  pattern: RoutePattern;
  fault: FaultSpec;
  remaining: number;
}

/** Queue of one-shot (or n-shot) failures, consumed by matching requests in arrival order. */
export class FaultInjector {
  private armed: Armed[] = [];

  /** The next `times` requests matching the pattern (`'POST /channels/:id/messages'`, ...) get `fault`. */
  failNext(pattern: RoutePattern, fault: FaultSpec, times = 1): void {
    this.armed.push({ pattern, fault, remaining: times });
  }

  take(req: { method: string; path: string }): FaultSpec | null {
    const hit = this.armed.find((a) => a.remaining > 0 && matchesRequest('*', a.pattern, req));
    if (!hit) return null;
    hit.remaining -= 1;
    this.armed = this.armed.filter((a) => a.remaining > 0);
    return hit.fault;
  }

  /** How many injected failures are still waiting to fire. */
  pending(): number {
    return this.armed.reduce((n, a) => n + a.remaining, 0);
  }

  clear(): void {
    this.armed = [];
  }
}

/** The HTTP response Discord would send for an injected fault (not for network faults). */
export function faultResponse(
  fault: RateLimitFault | ErrorFault,
  bucket: string,
  nowMs: number,
): FaultResponse {
  if (fault.status === 429 && !('code' in fault)) {
    const rl = fault as RateLimitFault;
    const retryAfter = rl.retryAfter ?? 0.5;
    const global = rl.global ?? false;
    const headers: Record<string, string> = {
      'retry-after': rl.exactRetryAfterHeader ? String(retryAfter) : String(Math.ceil(retryAfter)),
      'x-ratelimit-scope': rl.scope ?? (global ? 'global' : 'user'),
    };
    if (global) headers['x-ratelimit-global'] = 'true';
    else {
      headers['x-ratelimit-limit'] = '5';
      headers['x-ratelimit-remaining'] = '0';
      headers['x-ratelimit-reset'] = ((nowMs + retryAfter * 1000) / 1000).toFixed(3);
      headers['x-ratelimit-reset-after'] = retryAfter.toFixed(3);
      headers['x-ratelimit-bucket'] = bucket;
    }
    const message =
      rl.scope === 'shared' ? 'The resource is being rate limited.' : 'You are being rate limited.';
    return { status: 429, headers, body: { message, retry_after: retryAfter, global } };
  }
  const err = fault as ErrorFault;
  const code = err.code ?? 0;
  const message =
    err.message ??
    (code ? ERROR_MESSAGES[code] : undefined) ??
    `${fault.status}: ${STATUS_CODES[fault.status] ?? 'Error'}`;
  const body: Record<string, unknown> = { message, code };
  if (err.errors) body.errors = err.errors;
  return { status: fault.status, headers: {}, body };
}
