import { isValidTimeZone } from './dayjs.ts';
import { offsetAt, QUARTER_HOUR_MS, steadyQuarterHour } from './zone-offsets.ts';

/**
 * Zone names in both directions, in one place: what a person may type after a time, and what we
 * print after a time for people to read. The two agree: a name we print reads back as the same offset.
 */

/**
 * Abbreviations people type after a time, in minutes east of UTC. Each is a fixed offset (CEST is
 * always +02:00): a person who bothers to type one means that offset, not "whatever Berlin is on".
 * Intl can print these names but not read them, hence the table; a unit test checks every entry
 * that Intl also prints against Intl's own offset. Where a name is ambiguous across the world (CST,
 * IST, AST) it means what English-language CLDR data prints for it.
 */
const ABBREVIATIONS: Readonly<Record<string, number>> = {
  UTC: 0,
  GMT: 0,
  Z: 0,
  WET: 0,
  WEST: 60,
  BST: 60,
  IST: 330,
  CET: 60,
  CEST: 120,
  EET: 120,
  EEST: 180,
  MSK: 180,
  NST: -210,
  NDT: -150,
  AST: -240,
  ADT: -180,
  EST: -300,
  EDT: -240,
  CST: -360,
  CDT: -300,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
  AKST: -540,
  AKDT: -480,
  HST: -600,
  HDT: -540,
  JST: 540,
  KST: 540,
  SGT: 480,
  AWST: 480,
  ACST: 570,
  ACDT: 630,
  AEST: 600,
  AEDT: 660,
  NZST: 720,
  NZDT: 780,
};

/** A zone as typed: a fixed offset (`CEST`, `+02:00`) or an IANA zone with its DST rules. */
export type ZoneSpec = { kind: 'offset'; minutes: number } | { kind: 'iana'; name: string };

const validNames = new Map<string, boolean>();

/** Reads `CEST`, `UTC`, `+02:00`, `-0500`, `UTC+1` or an IANA name such as `Europe/Berlin`. */
export function parseZone(text: string): ZoneSpec | undefined {
  const abbreviation = ABBREVIATIONS[text.toUpperCase()];
  if (abbreviation !== undefined) return { kind: 'offset', minutes: abbreviation };
  const offset = /^(?:UTC|GMT)?([+-])(\d{1,2})(?::?(\d{2}))?$/i.exec(text);
  if (offset) {
    const sign = offset[1] === '-' ? -1 : 1;
    const minutes = Number(offset[2]) * 60 + Number(offset[3] ?? 0);
    if (minutes > 14 * 60) return undefined;
    return { kind: 'offset', minutes: sign * minutes };
  }
  if (text.includes('/') && isTimeZone(text)) return { kind: 'iana', name: text };
  return undefined;
}

/** Asking Intl costs a formatter; chat text asks about the same few words again and again. */
function isTimeZone(name: string): boolean {
  let valid = validNames.get(name);
  if (valid === undefined) {
    valid = isValidTimeZone(name);
    validNames.set(name, valid);
  }
  return valid;
}

/*
 * CLDR names a zone in the English of the countries that use it: en-US says EST but GMT+1 for Berlin,
 * en-GB says CET and BST but GMT-5 for New York. Asking each in turn finds the name people write.
 */
const NAME_LOCALES = ['en-US', 'en-GB', 'en-CA', 'en-AU', 'en-IN'] as const;
const MAX_CACHED = 20_000;
const formatters = new Map<string, Intl.DateTimeFormat[]>();
const names = new Map<string, Map<number, string>>();

/**
 * What people write after a local time in `timeZone` at `ms`: `CET`, `CEST`, `EDT`, `BST`, `UTC`, or
 * `GMT+9` / `GMT+5:45` where no abbreviation is in common use (or ours would read back wrong, as
 * Dublin's summer `IST` would). Cached per quarter hour, like the offsets.
 */
export function zoneNameAt(ms: number, timeZone: string): string {
  if (!steadyQuarterHour(ms, timeZone)) return nameOf(Math.floor(ms / 60_000) * 60_000, timeZone);
  let cache = names.get(timeZone);
  if (!cache) {
    cache = new Map();
    names.set(timeZone, cache);
  }
  const bucket = Math.floor(ms / QUARTER_HOUR_MS);
  let name = cache.get(bucket);
  if (name === undefined) {
    if (cache.size >= MAX_CACHED) cache.clear();
    name = nameOf(bucket * QUARTER_HOUR_MS, timeZone);
    cache.set(bucket, name);
  }
  return name;
}

function nameOf(ms: number, timeZone: string): string {
  let list = formatters.get(timeZone);
  if (!list) {
    list = NAME_LOCALES.map((locale) => new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'short' }));
    formatters.set(timeZone, list);
  }
  const offset = offsetAt(ms, timeZone);
  let fallback: string | undefined;
  for (const format of list) {
    const name = format.formatToParts(new Date(ms)).find((part) => part.type === 'timeZoneName')?.value;
    if (!name) continue;
    if (/^(GMT|UTC)[+-]/.test(name)) fallback ??= name;
    else if (ABBREVIATIONS[name.toUpperCase()] === offset) return name;
  }
  return fallback ?? gmtName(offset);
}

/** `GMT+1`, `GMT-3:30`, `GMT`: the form CLDR itself falls back to. */
function gmtName(offset: number): string {
  if (offset === 0) return 'GMT';
  const sign = offset < 0 ? '-' : '+';
  const hours = Math.floor(Math.abs(offset) / 60);
  const minutes = Math.abs(offset) % 60;
  return `GMT${sign}${hours}${minutes ? `:${String(minutes).padStart(2, '0')}` : ''}`;
}
