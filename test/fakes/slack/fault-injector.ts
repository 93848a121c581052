/** A platform error answered as HTTP 200 `{ ok: false, error, ... }` (e.g. missing_scope with `needed`). */
export interface ErrorFault {
  error: string;
  /** For missing_scope: the scope the method needs. */
  needed?: string;
  /** For missing_scope: the scopes the token has (defaults to the fake's scopes). */
  provided?: string;
  /** More fields for the error body. */
  extra?: Record<string, unknown>;
}

/** An HTTP-level failure: 429 (with `Retry-After` seconds) or 5xx. */
export interface StatusFault {
  status: number;
  /** Seconds, sent as the `Retry-After` header (used with 429). */
  retryAfter?: number;
  /** Raw body; defaults to `{"ok":false,"error":"ratelimited"}` for 429, a short text otherwise. */
  body?: string;
}

/** Latency: waits, then answers normally. */
export interface DelayFault {
  delayMs: number;
}

/** Destroys the TCP connection without answering (a network error for the client). */
export interface DropFault {
  dropConnection: true;
}

/**
 * The call takes effect (the channel is created, the message posted), then the connection is
 * destroyed before the answer: what a client sees when it crashes between a call and recording it.
 */
export interface LostAnswerFault {
  lostAnswer: true;
}

export type Fault = ErrorFault | StatusFault | DelayFault | DropFault | LostAnswerFault;

/** A short label for logs and `RecordedCall.fault`. */
export function describeFault(fault: Fault): string {
  if ('error' in fault) return `error:${fault.error}`;
  if ('status' in fault) return `status:${fault.status}`;
  if ('delayMs' in fault) return `delay:${fault.delayMs}`;
  if ('lostAnswer' in fault) return 'lost-answer';
  return 'drop';
}

/**
 * A rate tier on some methods, as Slack gives non-Marketplace apps on conversations.history and
 * .replies since 2025: one call per `windowMs` (a minute on Slack; tests shrink it), every other
 * call a 429 with `Retry-After: retryAfter` seconds.
 */
export interface RateTier {
  methods: string[];
  windowMs: number;
  retryAfter: number;
  /** Calls answered before the tier applies (an app that has just been moved to it); they use up the first window. */
  burst?: number;
}

/**
 * Queued one-shot faults per method (`'*'` for any method), a time-boxed outage applying to
 * every Web API call, and rate tiers.
 */
export class FaultInjector {
  private readonly queued = new Map<string, Fault[]>();
  private outage: { fault: Fault; until: number } | undefined;
  private tier: RateTier | undefined;
  private readonly lastAllowed = new Map<string, number>();
  private burstLeft = 0;

  constructor(private readonly clock: () => number = Date.now) {}

  /** The next `times` calls to `method` (or any method, with `'*'`) get `fault`. */
  failNext(method: string, fault: Fault, times = 1): void {
    const list = this.queued.get(method) ?? [];
    for (let i = 0; i < times; i += 1) list.push(fault);
    this.queued.set(method, list);
  }

  /** Every Web API call gets `fault` for the next `forMs` milliseconds. */
  failAll(fault: Fault, forMs: number): void {
    this.outage = { fault, until: this.clock() + forMs };
  }

  /** From now on, `tier.methods` answer one call per window and 429 the rest. */
  limitRate(tier: RateTier): void {
    this.tier = tier;
    this.lastAllowed.clear();
    this.burstLeft = tier.burst ?? 0;
  }

  clear(): void {
    this.queued.clear();
    this.outage = undefined;
    this.tier = undefined;
  }

  /** The fault for this call, consumed; undefined when the call should be answered normally. */
  take(method: string): Fault | undefined {
    if (this.outage && this.clock() < this.outage.until) return this.outage.fault;
    this.outage = undefined;
    for (const key of [method, '*']) {
      const list = this.queued.get(key);
      const fault = list?.shift();
      if (fault) return fault;
    }
    return this.rateLimited(method);
  }

  private rateLimited(method: string): Fault | undefined {
    if (!this.tier?.methods.includes(method)) return undefined;
    const now = this.clock();
    if (this.burstLeft > 0) {
      this.burstLeft -= 1;
      // The burst spent this minute's allowance of every method on the tier.
      if (this.burstLeft === 0) for (const limited of this.tier.methods) this.lastAllowed.set(limited, now);
      return undefined;
    }
    const last = this.lastAllowed.get(method);
    if (last !== undefined && now - last < this.tier.windowMs) {
      return { status: 429, retryAfter: this.tier.retryAfter };
    }
    this.lastAllowed.set(method, now);
    return undefined;
  }

  /** How many queued faults are still waiting (per method key). */
  pending(): Record<string, number> {
    return Object.fromEntries([...this.queued].map(([k, v]) => [k, v.length]));
  }
}
