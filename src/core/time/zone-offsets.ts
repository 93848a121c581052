const MINUTE_MS = 60_000;
/**
 * Zone offsets change on a quarter hour, almost always, so one lookup per quarter hour serves every
 * instant in it: a draft of 100k messages must not ask Intl 100k times. The exceptions (Newfoundland
 * changed at 00:01 local until 2011) are caught by also reading the quarter hour's last minute; such a
 * quarter hour is read minute by minute.
 */
export const QUARTER_HOUR_MS = 15 * MINUTE_MS;
/** Past this many remembered quarter hours a zone's cache starts again, so a bot running for years stays small. */
const MAX_CACHED = 20_000;
/** A quarter hour with a transition inside it. */
const MIXED = Number.NaN;

interface ZoneCache {
  parts: Intl.DateTimeFormat;
  offsets: Map<number, number>;
}

const zones = new Map<string, ZoneCache>();

/** Minutes east of UTC in the IANA zone `timeZone` at the instant `ms`, as Intl's zone data has it. */
export function offsetAt(ms: number, timeZone: string): number {
  const zone = cacheOf(timeZone);
  const bucket = Math.floor(ms / QUARTER_HOUR_MS);
  let offset = zone.offsets.get(bucket);
  if (offset === undefined) {
    if (zone.offsets.size >= MAX_CACHED) zone.offsets.clear();
    const first = measure(zone.parts, bucket * QUARTER_HOUR_MS);
    const last = measure(zone.parts, (bucket + 1) * QUARTER_HOUR_MS - MINUTE_MS);
    offset = first === last ? first : MIXED;
    zone.offsets.set(bucket, offset);
  }
  return Number.isNaN(offset) ? measure(zone.parts, Math.floor(ms / MINUTE_MS) * MINUTE_MS) : offset;
}

/** True when every minute of the quarter hour holding `ms` is on one offset (and so on one zone name). */
export function steadyQuarterHour(ms: number, timeZone: string): boolean {
  offsetAt(ms, timeZone);
  return !Number.isNaN(cacheOf(timeZone).offsets.get(Math.floor(ms / QUARTER_HOUR_MS)));
}

function cacheOf(timeZone: string): ZoneCache {
  let zone = zones.get(timeZone);
  if (!zone) {
    const parts = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    zone = { parts, offsets: new Map() };
    zones.set(timeZone, zone);
  }
  return zone;
}

/** The zone's wall clock at `ms`, read back as if it were UTC, minus `ms`. */
function measure(format: Intl.DateTimeFormat, ms: number): number {
  const parts = format.formatToParts(new Date(ms));
  const read = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((part) => part.type === type)?.value);
  // setUTCFullYear, unlike Date.UTC, does not read years 0-99 as 1900-1999.
  const wall = new Date(0);
  wall.setUTCFullYear(read('year'), read('month') - 1, read('day'));
  wall.setUTCHours(read('hour'), read('minute'));
  return Math.round((wall.getTime() - ms) / MINUTE_MS);
}
