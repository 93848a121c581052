/** One allowance: at most `limit` takes per `windowMs` under `key`. `setting` names it for people. */
export interface RateBucket {
  key: string;
  limit: number;
  windowMs: number;
  setting: string;
}

export type RateTake =
  | {
      ok: true /** Gives the takes back: the command they were for did not go through. */;
      release(): Promise<void>;
    }
  | { ok: false; bucket: RateBucket; retryAfterMs: number };

/** Counts commands against allowances shared by every process (the counts live in the store). */
export interface RateLimiter {
  /** Takes one from every bucket, or from none: a refusal by one gives back what the others took. */
  take(buckets: readonly RateBucket[]): Promise<RateTake>;
}
