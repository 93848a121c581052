/** Discord snowflakes: milliseconds since the Discord epoch in the top 42 bits, then worker/process/increment. */
export const DISCORD_EPOCH_MS = 1_420_070_400_000;

/** Generates strictly increasing snowflakes whose embedded timestamp follows the given clock. */
export class SnowflakeGenerator {
  private lastMs = 0;
  private increment = 0;

  constructor(
    private readonly now: () => number = Date.now,
    private readonly workerId = 1,
  ) {}

  next(): string {
    let ms = Math.max(this.now(), DISCORD_EPOCH_MS);
    if (ms <= this.lastMs) {
      ms = this.lastMs;
      this.increment += 1;
      if (this.increment > 0xfff) {
        ms += 1;
        this.increment = 0;
      }
    } else {
      this.increment = 0;
    }
    this.lastMs = ms;
    const value =
      (BigInt(ms - DISCORD_EPOCH_MS) << 22n) | (BigInt(this.workerId & 0x1f) << 17n) | BigInt(this.increment);
    return value.toString();
  }
}

/** The creation time (ms since the Unix epoch) encoded in a snowflake. */
export function snowflakeTimestamp(id: string): number {
  return Number(BigInt(id) >> 22n) + DISCORD_EPOCH_MS;
}

/** Numeric comparison of two snowflakes (they do not sort correctly as strings). */
export function compareSnowflakes(a: string, b: string): number {
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
}
