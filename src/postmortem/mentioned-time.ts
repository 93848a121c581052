import { instantOf, lastOccurrence, type Zone } from '../core/time/local-time.ts';
import { parseZone } from '../core/time/zone-names.ts';

/** Clocks disagree a little: "now" typed on a fast laptop is not the future. */
const FUTURE_TOLERANCE_MS = 60_000;

/*
 * Reads a time named in chat the way `/incident note` reads a backdated time (a bare time is its
 * most recent past occurrence in the workspace zone, a typed zone wins), through the same engine and
 * DST rule (core/time/local-time.ts). It runs on every message of a 100k-message incident, which is
 * why the engine reads zone offsets from a per-quarter-hour cache rather than asking Intl each time.
 */

export interface TypedTime {
  /** `YYYY-MM-DD` when a date was typed. */
  date?: string;
  hour: number;
  minute: number;
  /** What followed the time, if it may be a zone (`CEST`, `+02:00`, `Europe/Berlin`). */
  zone?: string;
}

/** The instant a typed time means, said at `saidAtMs` in a workspace on `timeZone`. */
export function resolveTypedTime(typed: TypedTime, saidAtMs: number, timeZone: string): number | undefined {
  const zone: Zone = (typed.zone && parseZone(typed.zone)) || timeZone;
  const clock = `${String(typed.hour).padStart(2, '0')}:${String(typed.minute).padStart(2, '0')}`;
  if (typed.date) return instantOf(typed.date, clock, zone);
  return lastOccurrence(clock, zone, saidAtMs, FUTURE_TOLERANCE_MS);
}
