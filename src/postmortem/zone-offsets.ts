const MINUTE = 60_000;
// Zone offsets only change on quarter hours, so one lookup per quarter hour serves every instant
// in it: a draft of 100k messages must not ask Intl (or dayjs' tz) 100k times.
const BUCKET = 15 * MINUTE;

interface ZoneInfo {
  offsetMinutes: number;
  /** Looked up on first use: reading chat times needs only the offset. */
  abbreviation?: string;
}

/** Offsets and abbreviations of one IANA zone, cached per quarter hour. */
export class ZoneOffsets {
  private readonly cache = new Map<number, ZoneInfo>();
  private readonly parts: Intl.DateTimeFormat;
  private names: Intl.DateTimeFormat[] | undefined;

  constructor(readonly timeZone: string) {
    this.parts = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
  }

  /** Minutes east of UTC at this instant. */
  offsetAt(ms: number): number {
    return this.info(ms).offsetMinutes;
  }

  abbreviationAt(ms: number): string {
    const info = this.info(ms);
    info.abbreviation ??= this.abbreviation(new Date(Math.floor(ms / BUCKET) * BUCKET));
    return info.abbreviation;
  }

  /** The instant at which the zone's wall clock reads this date and time (a DST gap moves on). */
  instantOf(year: number, month: number, day: number, hour: number, minute: number): number {
    const wall = Date.UTC(year, month - 1, day, hour, minute);
    let guess = wall - this.offsetAt(wall) * MINUTE;
    guess = wall - this.offsetAt(guess) * MINUTE;
    return guess;
  }

  private info(ms: number): ZoneInfo {
    const bucket = Math.floor(ms / BUCKET);
    let info = this.cache.get(bucket);
    if (!info) {
      const instant = new Date(bucket * BUCKET);
      info = { offsetMinutes: this.measure(instant) };
      this.cache.set(bucket, info);
    }
    return info;
  }

  private measure(instant: Date): number {
    const parts = this.parts.formatToParts(instant);
    const read = (type: Intl.DateTimeFormatPartTypes) =>
      Number(parts.find((part) => part.type === type)?.value);
    const wall = Date.UTC(read('year'), read('month') - 1, read('day'), read('hour'), read('minute'));
    return Math.round((wall - instant.getTime()) / MINUTE);
  }

  /**
   * `CET`, `EST`, or `GMT+5:30` where a zone has no common abbreviation. US English names the
   * American zones, British English the European ones; each falls back to `GMT±h` for the other.
   */
  private abbreviation(instant: Date): string {
    this.names ??= ['en-US', 'en-GB'].map(
      (locale) => new Intl.DateTimeFormat(locale, { timeZone: this.timeZone, timeZoneName: 'short' }),
    );
    let fallback: string | undefined;
    for (const format of this.names) {
      const name = format.formatToParts(instant).find((part) => part.type === 'timeZoneName')?.value;
      if (name && !/^(GMT|UTC)[+-]/.test(name)) return name;
      fallback ??= name;
    }
    return fallback ?? this.timeZone;
  }
}
