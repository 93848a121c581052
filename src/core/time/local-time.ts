import type { ZoneSpec } from './zone-names.ts';
import { offsetAt } from './zone-offsets.ts';

/*
 * The one place a wall-clock time in a zone becomes an instant: backdated notes, on-call handoffs
 * and times mentioned in chat all come here, so they agree to the millisecond, DST days included.
 *
 * The rule on the two days a year the clocks change:
 *
 * - A time the clocks skip (spring forward; 02:30 on 2025-03-30 in Berlin does not exist) is read
 *   with the offset in force just before the jump: 02:30 CET, which is 01:30Z and which the clocks
 *   show as 03:30 CEST. The time lands as far past the jump as it was written past it.
 * - A time the clocks show twice (fall back; 02:30 on 2025-10-26 in Berlin happens at 00:30Z in CEST
 *   and again at 01:30Z in CET) is the first of the two, 00:30Z.
 *
 * Why this rule and not another: it is the rule of calendars (iCalendar, RFC 5545 §3.3.5, which
 * calendar apps follow; JavaScript's Temporal and java.time default to it too), so a 02:30 handoff
 * pages at the instant the responder's calendar shows the shift change. It keeps a daily shift 24h
 * of real time across the jump instead of silently shortening it. Someone who writes a skipped time
 * read it off a clock that had not moved yet, and the old offset is what that clock meant. The first
 * of two repeated times is the one that comes first: a handoff is never an hour late.
 *
 * A bare time with no date ("02:30 db restarted") asks something else: the last time the clocks
 * showed it. `lastOccurrence` answers that, for notes and chat alike; inside a repeated hour that
 * has already run twice, it is the second pass, so a bare time said at the moment it names is now.
 */

const MINUTE_MS = 60_000;
const DAY_MS = 1440 * MINUTE_MS;

/** An IANA zone name, or a zone as typed (a fixed offset or an IANA zone). */
export type Zone = string | ZoneSpec;

/**
 * A local date and time written as if it were a UTC instant: 2025-03-30 02:30 in any zone is
 * `Date.UTC(2025, 2, 30, 2, 30)`. Arithmetic on it is calendar arithmetic (a day is always 24h).
 */
export type WallClock = number;

function offsetOf(ms: number, zone: Zone): number {
  if (typeof zone === 'string') return offsetAt(ms, zone);
  return zone.kind === 'offset' ? zone.minutes : offsetAt(ms, zone.name);
}

/** What the wall clock in `zone` reads at the instant `ms`. */
export function wallClockAt(ms: number, zone: Zone): WallClock {
  return ms + offsetOf(ms, zone) * MINUTE_MS;
}

/**
 * Every instant at which the wall clock in `zone` reads `wall`, earliest first: one on most days,
 * two inside a fall-back overlap, none inside a spring-forward gap.
 */
export function instantsAt(wall: WallClock, zone: Zone): number[] {
  // A day either side of the wall time covers both sides of any transition that could affect it.
  const before = offsetOf(wall - DAY_MS, zone);
  const after = offsetOf(wall + DAY_MS, zone);
  const offsets = before === after ? [before] : [before, after].sort((a, b) => b - a);
  return offsets
    .map((offset) => wall - offset * MINUTE_MS)
    .filter((instant) => wallClockAt(instant, zone) === wall);
}

/** The instant `wall` means in `zone`, by the rule above: earliest reading, or the pre-jump offset in a gap. */
export function instantAt(wall: WallClock, zone: Zone): number {
  return instantsAt(wall, zone)[0] ?? wall - offsetOf(wall - DAY_MS, zone) * MINUTE_MS;
}

/** `2025-03-30` and `02:30` as a wall clock, or undefined when either is not a real date or time of day. */
export function wallClockOf(localDate: string, localTime: string): WallClock | undefined {
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(localDate);
  const time = /^(\d{1,2}):(\d{2})$/.exec(localTime);
  if (!date || !time) return undefined;
  const [year, month, day] = [Number(date[1]), Number(date[2]), Number(date[3])];
  const [hour, minute] = [Number(time[1]), Number(time[2])];
  if (hour > 23 || minute > 59) return undefined;
  const wall = new Date(0);
  wall.setUTCFullYear(year, month - 1, day);
  // Rejects 2025-02-30, which Date would quietly roll over into March.
  if (wall.getUTCMonth() !== month - 1 || wall.getUTCDate() !== day) return undefined;
  return wall.getTime() + (hour * 60 + minute) * MINUTE_MS;
}

/**
 * The instant (epoch ms) at which the wall clock in `zone` shows `localDate` (`YYYY-MM-DD`) at
 * `localTime` (`HH:MM`), by the DST rule above; undefined when the date or time does not exist
 * on any calendar.
 */
export function instantOf(localDate: string, localTime: string, zone: Zone): number | undefined {
  const wall = wallClockOf(localDate, localTime);
  return wall === undefined ? undefined : instantAt(wall, zone);
}

/**
 * The last time, as of `nowMs`, that the wall clock in `zone` showed `localTime` (`HH:MM`): today's
 * if it has come (allowing `toleranceMs` for clocks that run a little fast), else yesterday's.
 * Undefined when `localTime` is not a time of day.
 */
export function lastOccurrence(
  localTime: string,
  zone: Zone,
  nowMs: number,
  toleranceMs = 0,
): number | undefined {
  const clock = wallClockOf('1970-01-01', localTime);
  if (clock === undefined) return undefined;
  const today = Math.floor(wallClockAt(nowMs, zone) / DAY_MS) * DAY_MS;
  let last: number | undefined;
  for (const day of [today - DAY_MS, today]) {
    const wall = day + clock;
    const found = instantsAt(wall, zone);
    for (const instant of found.length > 0 ? found : [instantAt(wall, zone)]) {
      if (instant <= nowMs + toleranceMs && (last === undefined || instant > last)) last = instant;
    }
  }
  return last;
}
