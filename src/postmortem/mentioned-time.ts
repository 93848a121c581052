import { isValidTimeZone } from '../core/time/dayjs.ts';
import { parseZone, type ZoneSpec } from '../core/time/zone-names.ts';
import { ZoneOffsets } from './zone-offsets.ts';

const MINUTE = 60_000;
const DAY = 1440 * MINUTE;
/** Clocks disagree a little: "now" typed on a fast laptop is not the future. */
const FUTURE_TOLERANCE_MS = MINUTE;

/*
 * Reads a time named in chat the way `/incident note` reads a backdated time (a bare time is its
 * most recent past occurrence in the workspace zone, a typed zone wins), but without dayjs: it
 * runs on every message of a 100k-message incident, and zone offsets are cached per quarter hour.
 */

const zones = new Map<string, ZoneOffsets>();
const validZones = new Map<string, boolean>();

function offsetsOf(timeZone: string): ZoneOffsets {
  let offsets = zones.get(timeZone);
  if (!offsets) {
    offsets = new ZoneOffsets(timeZone);
    zones.set(timeZone, offsets);
  }
  return offsets;
}

function isZone(name: string): boolean {
  let valid = validZones.get(name);
  if (valid === undefined) {
    valid = isValidTimeZone(name);
    validZones.set(name, valid);
  }
  return valid;
}

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
  const spec: ZoneSpec = (typed.zone && parseZone(typed.zone, isZone)) || { kind: 'iana', name: timeZone };
  const offsetAt = (ms: number) =>
    spec.kind === 'offset' ? spec.minutes : offsetsOf(spec.name).offsetAt(ms);
  const instantOf = (year: number, month: number, day: number) =>
    spec.kind === 'offset'
      ? Date.UTC(year, month - 1, day, typed.hour, typed.minute) - spec.minutes * MINUTE
      : offsetsOf(spec.name).instantOf(year, month, day, typed.hour, typed.minute);
  if (typed.date) {
    const [year, month, day] = typed.date.split('-').map(Number) as [number, number, number];
    const check = new Date(Date.UTC(year, month - 1, day));
    if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
    return instantOf(year, month, day);
  }
  const localToday = new Date(saidAtMs + offsetAt(saidAtMs) * MINUTE);
  const today = instantOf(localToday.getUTCFullYear(), localToday.getUTCMonth() + 1, localToday.getUTCDate());
  if (today <= saidAtMs + FUTURE_TOLERANCE_MS) return today;
  const localYesterday = new Date(localToday.getTime() - DAY);
  return instantOf(
    localYesterday.getUTCFullYear(),
    localYesterday.getUTCMonth() + 1,
    localYesterday.getUTCDate(),
  );
}
