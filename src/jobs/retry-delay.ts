/** The backoff type every job uses; BullMQ hands it to `retryDelay` (see BullJobQueue). */
export const RETRY_BACKOFF = { type: 'retry-after', delay: 500 } as const;

/** A receiver asking for a minute is believable; one asking for an hour is not worth waiting for. */
const MAX_RETRY_AFTER_MS = 10 * 60_000;

/**
 * How long before the next attempt: what the receiver asked for (Retry-After, carried as
 * `retryAfterMs` on the error), but never later than the job's own `retryBy` (a page must be
 * retried before its escalation pages someone else); otherwise exponential from 500 ms.
 */
export function retryDelay(attemptsMade: number, error: unknown, data: unknown, now = Date.now()): number {
  const exponential = RETRY_BACKOFF.delay * 2 ** Math.max(0, attemptsMade - 1);
  const asked = (error as { retryAfterMs?: unknown } | undefined)?.retryAfterMs;
  if (typeof asked !== 'number' || !Number.isFinite(asked) || asked < 0) return exponential;
  const retryBy = (data as { retryBy?: unknown } | undefined)?.retryBy;
  const cap = typeof retryBy === 'number' ? Math.max(0, retryBy - now) : MAX_RETRY_AFTER_MS;
  return Math.min(asked, MAX_RETRY_AFTER_MS, cap);
}
