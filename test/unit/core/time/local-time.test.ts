import { describe, expect, it } from 'vitest';
import {
  instantOf,
  instantsAt,
  lastOccurrence,
  wallClockAt,
  wallClockOf,
} from '../../../../src/core/time/local-time.ts';
import { parseZone } from '../../../../src/core/time/zone-names.ts';
import { DST_CASES } from './dst-cases.ts';

const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());
const wall = (date: string, time: string) => wallClockOf(date, time) as number;

describe('the time-zone engine reads a local date and time as one instant', () => {
  it.each(DST_CASES)('$says', (c) => {
    const zone = c.typed ? (parseZone(c.typed) ?? c.zone) : c.zone;
    expect(iso(instantOf(c.date, c.time, zone))).toBe(c.means);
  });

  it('refuses dates and times that are on no calendar', () => {
    expect(instantOf('2025-02-30', '10:00', 'UTC')).toBeUndefined();
    expect(instantOf('2025-11-20', '24:00', 'UTC')).toBeUndefined();
    expect(instantOf('20-11-2025', '10:00', 'UTC')).toBeUndefined();
  });

  it('knows a skipped time has no reading and a repeated time has two', () => {
    expect(instantsAt(wall('2025-03-30', '02:30'), 'Europe/Berlin')).toEqual([]);
    expect(instantsAt(wall('2025-10-26', '02:30'), 'Europe/Berlin').map(iso)).toEqual([
      '2025-10-26T00:30:00.000Z',
      '2025-10-26T01:30:00.000Z',
    ]);
    expect(instantsAt(wall('2025-10-26', '12:00'), 'Europe/Berlin').map(iso)).toEqual([
      '2025-10-26T11:00:00.000Z',
    ]);
  });

  it('handles a half-hour DST shift (Lord Howe Island) by the same rule', () => {
    // 2025-10-05 02:00 +10:30 → 02:30 +11:00: 02:15 is skipped; 2025-04-06 01:45 shows twice.
    expect(iso(instantOf('2025-10-05', '02:15', 'Australia/Lord_Howe'))).toBe('2025-10-04T15:45:00.000Z');
    expect(iso(instantOf('2025-04-06', '01:45', 'Australia/Lord_Howe'))).toBe('2025-04-05T14:45:00.000Z');
  });

  it('reads the wall clock of an instant, as used to format it', () => {
    expect(iso(wallClockAt(Date.parse('2025-10-26T00:30:00Z'), 'Europe/Berlin'))).toBe(
      '2025-10-26T02:30:00.000Z',
    );
    expect(iso(wallClockAt(Date.parse('2025-10-26T01:30:00Z'), 'Europe/Berlin'))).toBe(
      '2025-10-26T02:30:00.000Z',
    );
  });
});

describe('a bare time is the last time the clock showed it', () => {
  const at = (time: string, now: string, zone = 'Europe/Berlin') =>
    iso(lastOccurrence(time, zone, Date.parse(now), 60_000));

  it('is today when that time has come, yesterday when not', () => {
    expect(at('15:23', '2025-11-20T16:00:00Z')).toBe('2025-11-20T14:23:00.000Z');
    expect(at('23:50', '2025-11-20T10:00:00Z')).toBe('2025-11-19T22:50:00.000Z');
  });

  it('allows a minute for a fast clock', () => {
    expect(at('15:01', '2025-11-20T14:00:30Z')).toBe('2025-11-20T14:01:00.000Z');
  });

  it('inside a repeated hour, is the first pass until the second has happened', () => {
    expect(at('02:30', '2025-10-26T01:00:00Z')).toBe('2025-10-26T00:30:00.000Z');
    expect(at('02:30', '2025-10-26T01:45:00Z')).toBe('2025-10-26T01:30:00.000Z');
  });

  it('on the day clocks skip it, is read with the offset before the jump', () => {
    expect(at('02:30', '2025-03-30T02:00:00Z')).toBe('2025-03-30T01:30:00.000Z');
  });

  it('refuses what is not a time of day', () => {
    expect(lastOccurrence('25:00', 'UTC', 0)).toBeUndefined();
  });
});
