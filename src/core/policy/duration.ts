/**
 * Durations as people write them in config: `90s`, `5m`, `2h`, `3d`, or combinations such as
 * `1h30m`. Units must appear largest first and at most once, so `30m1h` or `5m5m` are rejected
 * rather than silently summed: a mis-ordered value is more likely a typo than an intention.
 */

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const DAY_MS = DAY;

const DURATION_PATTERN = /^(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/;

/** Thrown for a value that is not a duration; `value` is the offending text so callers can quote it. */
export class InvalidDurationError extends Error {
  readonly value: string;
  constructor(value: string) {
    super(`invalid duration ${JSON.stringify(value)}: use e.g. 90s, 5m, 2h, 3d or 1h30m`);
    this.name = 'InvalidDurationError';
    this.value = value;
  }
}

/**
 * Milliseconds in `text`. Zero (`0s`) is a valid duration here; callers that need a positive
 * length (a rotation, a timeout) check that themselves, with a message that names their key.
 */
export function parseDuration(text: string): number {
  const trimmed = text.trim();
  const match = DURATION_PATTERN.exec(trimmed);
  // The pattern matches the empty string (every group is optional), which is not a duration.
  if (trimmed === '' || match === null) throw new InvalidDurationError(text);
  const [, days, hours, minutes, seconds] = match;
  const total =
    toNumber(days) * DAY + toNumber(hours) * HOUR + toNumber(minutes) * MINUTE + toNumber(seconds) * SECOND;
  if (!Number.isSafeInteger(total)) throw new InvalidDurationError(text);
  return total;
}

function toNumber(digits: string | undefined): number {
  return digits === undefined ? 0 : Number(digits);
}
