/**
 * Abbreviations people type after a time. They are fixed offsets (CEST is always +02:00), which
 * is what the person means when they bother to write one. Minutes east of UTC.
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
  JST: 540,
  KST: 540,
  SGT: 480,
  AEST: 600,
  AEDT: 660,
  NZST: 720,
  NZDT: 780,
};

export type ZoneSpec = { kind: 'offset'; minutes: number } | { kind: 'iana'; name: string };

/** Reads `CEST`, `UTC`, `+02:00`, `-0500` or an IANA name such as `Europe/Berlin`. */
export function parseZone(text: string, isIana: (name: string) => boolean): ZoneSpec | undefined {
  const upper = text.toUpperCase();
  const abbreviation = ABBREVIATIONS[upper];
  if (abbreviation !== undefined) return { kind: 'offset', minutes: abbreviation };
  const offset = /^(?:UTC|GMT)?([+-])(\d{1,2})(?::?(\d{2}))?$/i.exec(text);
  if (offset) {
    const sign = offset[1] === '-' ? -1 : 1;
    const minutes = Number(offset[2]) * 60 + Number(offset[3] ?? 0);
    if (minutes > 14 * 60) return undefined;
    return { kind: 'offset', minutes: sign * minutes };
  }
  if (text.includes('/') && isIana(text)) return { kind: 'iana', name: text };
  return undefined;
}
