import type { UploadedFile } from './request-body.ts';
import { safeDecode } from './router.ts';

export interface RecordedRequest {
  /** Position in `requests` (0-based). */
  index: number;
  method: string;
  /** Path below `/api/v10`, percent-decoded, without the query string. */
  path: string;
  /** The fake's route template that handled it (`/channels/:channel_id/messages`), or null if unhandled. */
  route: string | null;
  params: Record<string, string>;
  query: Record<string, string>;
  /** Parsed JSON body, or `payload_json` of a multipart body. */
  body: unknown;
  files: UploadedFile[];
  /** Lower-cased header names. */
  headers: Record<string, string>;
  contentType: string | null;
  /** Response status; null while the request is still being handled. */
  status: number | null;
  responseBody: unknown;
  /** True when the response came from `failNext`. */
  faulted: boolean;
  /** Spec validation errors for the body (empty when valid or not validated). */
  specErrors: string[];
  at: number;
}

/**
 * `'POST /channels/:id/messages'`, `'/channels/:id/messages'` (any method), `'/channels/123/*'`, or a RegExp
 * tested against `'METHOD /path'`. `:name` matches one path segment, `*` matches the rest.
 */
export type RoutePattern = string | RegExp;

const METHOD_PREFIX = /^(GET|POST|PUT|PATCH|DELETE|\*)\s+/i;

export function matchesRequest(
  method: string,
  pattern: RoutePattern,
  req: { method: string; path: string },
): boolean {
  if (pattern instanceof RegExp) return pattern.test(`${req.method} ${req.path}`);
  let wanted = method.toUpperCase();
  let template = pattern.trim();
  const prefix = METHOD_PREFIX.exec(template);
  if (prefix) {
    wanted = (prefix[1] ?? '*').toUpperCase();
    template = template.slice(prefix[0].length);
  }
  if (wanted !== '*' && wanted !== req.method) return false;
  template = template.replace(/^\/api(\/v\d+)?/, '');
  const want = template.split('/').filter(Boolean);
  const have = req.path.split('/').filter(Boolean);
  for (let i = 0; i < want.length; i += 1) {
    const seg = want[i] ?? '';
    if (seg === '*') return true;
    const part = have[i];
    if (part === undefined) return false;
    if (!seg.startsWith(':') && safeDecode(seg) !== part) return false;
  }
  return want.length === have.length;
}

interface Waiter {
  method: string;
  pattern: RoutePattern;
  since: number;
  where: (r: RecordedRequest) => boolean;
  resolve: (r: RecordedRequest) => void;
}

export interface WaitOptions {
  timeoutMs?: number;
  /** Only requests with `index >= since` count (default 0: requests already made count too). */
  since?: number;
  where?: (r: RecordedRequest) => boolean;
}

/** Every REST request the fake received, in arrival order. */
export class RequestLog {
  readonly requests: RecordedRequest[] = [];
  private waiters: Waiter[] = [];

  add(partial: Omit<RecordedRequest, 'index'>): RecordedRequest {
    const record = { ...partial, index: this.requests.length };
    this.requests.push(record);
    return record;
  }

  /** Call once the response is sent: wakes `waitForRequest` callers. */
  complete(record: RecordedRequest): void {
    this.waiters = this.waiters.filter((w) => {
      const hit = this.matches(w, record);
      if (hit) w.resolve(record);
      return !hit;
    });
  }

  /** Requests matching a method ('*' = any) and pattern, in order. */
  requestsTo(method: string, pattern: RoutePattern): RecordedRequest[] {
    return this.requests.filter((r) => matchesRequest(method, pattern, r));
  }

  /** Resolves with the first finished request that matches (by default including ones already received). */
  waitForRequest(method: string, pattern: RoutePattern, options: WaitOptions = {}): Promise<RecordedRequest> {
    const waiter: Omit<Waiter, 'resolve'> = {
      method,
      pattern,
      since: options.since ?? 0,
      where: options.where ?? (() => true),
    };
    const done = this.requests.find(
      (r) => r.status !== null && this.matches({ ...waiter, resolve: () => {} }, r),
    );
    if (done) return Promise.resolve(done);
    const timeoutMs = options.timeoutMs ?? 5000;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w.resolve !== finish);
        const seen = this.requests.map((r) => `${r.method} ${r.path} -> ${r.status}`).join('\n  ');
        reject(
          new Error(`No ${method} ${String(pattern)} within ${timeoutMs} ms. Requests so far:\n  ${seen}`),
        );
      }, timeoutMs);
      const finish = (r: RecordedRequest) => {
        clearTimeout(timer);
        resolve(r);
      };
      this.waiters.push({ ...waiter, resolve: finish });
    });
  }

  clear(): void {
    this.requests.length = 0;
  }

  private matches(w: Omit<Waiter, 'resolve'> & Partial<Waiter>, r: RecordedRequest): boolean {
    return r.index >= w.since && matchesRequest(w.method, w.pattern, r) && w.where(r);
  }
}
