/**
 * A signed delivery older than this is refused as a replay: the sender retries within minutes, and
 * anything older is better left to the poll (or a person) than trusted.
 */
export const MAX_DELIVERY_AGE_MS = 24 * 3600_000;

export function isStale(eventAt: number | undefined, now: number): boolean {
  return eventAt === undefined || !Number.isFinite(eventAt) || now - eventAt > MAX_DELIVERY_AGE_MS;
}

/** Hono's answers for refused and ignored deliveries: short, and never an echo of the payload. */
export const REFUSED = 'unauthorized\n';
export const IGNORED = 'ignored\n';

/** The payload as an object, or undefined for anything else (not JSON, an array, a number). */
export function parseObject<T>(raw: string): T | undefined {
  try {
    const value: unknown = JSON.parse(raw);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as T) : undefined;
  } catch {
    return undefined;
  }
}
