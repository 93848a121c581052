import { describe, expect, it } from 'vitest';
import { parseZone, zoneNameAt } from '../../../../src/core/time/zone-names.ts';
import { offsetAt } from '../../../../src/core/time/zone-offsets.ts';

const WINTER = Date.parse('2025-01-15T12:00:00Z');
const SUMMER = Date.parse('2025-07-15T12:00:00Z');

describe('zones people type after a time', () => {
  it.each([
    ['CET', 60],
    ['cest', 120],
    ['EST', -300],
    ['PDT', -420],
    ['UTC', 0],
    ['Z', 0],
    ['+02:00', 120],
    ['-0500', -300],
    ['GMT+5:30', 330],
    ['UTC-3', -180],
  ])('reads %s as a fixed offset of %i minutes', (text, minutes) => {
    expect(parseZone(text)).toEqual({ kind: 'offset', minutes });
  });

  it('reads an IANA name as the zone with its DST rules', () => {
    expect(parseZone('Europe/Berlin')).toEqual({ kind: 'iana', name: 'Europe/Berlin' });
  });

  it('does not take ordinary words or impossible offsets for zones', () => {
    for (const text of ['db', 'restarted', 'Not/AZone', '+15:00']) expect(parseZone(text)).toBeUndefined();
  });

  it('agrees with Intl on the offset of every abbreviation Intl prints for any zone', () => {
    const disagreements: string[] = [];
    for (const zone of Intl.supportedValuesOf('timeZone')) {
      for (const locale of ['en-US', 'en-GB', 'en-CA', 'en-AU', 'en-IN']) {
        const format = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'short' });
        for (const ms of [WINTER, SUMMER]) {
          const name = format.formatToParts(ms).find((part) => part.type === 'timeZoneName')?.value ?? '';
          const spec = parseZone(name);
          if (spec?.kind === 'offset' && spec.minutes !== offsetAt(ms, zone)) {
            disagreements.push(`${name} in ${zone} (${locale})`);
          }
        }
      }
    }
    expect(disagreements).toEqual([]);
  });
});

describe('zones shown after a local time', () => {
  it.each([
    ['Europe/Berlin', 'CET', 'CEST'],
    ['Europe/Paris', 'CET', 'CEST'],
    ['Europe/London', 'GMT', 'BST'],
    ['Europe/Lisbon', 'WET', 'WEST'],
    ['Europe/Athens', 'EET', 'EEST'],
    ['America/New_York', 'EST', 'EDT'],
    ['America/Chicago', 'CST', 'CDT'],
    ['America/Los_Angeles', 'PST', 'PDT'],
    ['America/Phoenix', 'MST', 'MST'],
    ['America/St_Johns', 'NST', 'NDT'],
    ['Australia/Sydney', 'AEDT', 'AEST'],
    ['Pacific/Auckland', 'NZDT', 'NZST'],
    ['Asia/Kolkata', 'IST', 'IST'],
    ['UTC', 'UTC', 'UTC'],
  ])('%s is %s in January and %s in July', (zone, winter, summer) => {
    expect([zoneNameAt(WINTER, zone), zoneNameAt(SUMMER, zone)]).toEqual([winter, summer]);
  });

  it.each([
    ['Asia/Tokyo', 'GMT+9'],
    ['Asia/Kathmandu', 'GMT+5:45'],
    ['America/Sao_Paulo', 'GMT-3'],
    // Irish English calls summer time IST, which tocsin reads as India's +05:30.
    ['Europe/Dublin', 'GMT+1'],
  ])('%s, with no abbreviation that reads back right, is %s', (zone, name) => {
    expect(zoneNameAt(SUMMER, zone)).toBe(name);
  });

  it('shows only names that read back as the offset the zone is on', () => {
    const wrong: string[] = [];
    for (const zone of Intl.supportedValuesOf('timeZone')) {
      for (const ms of [WINTER, SUMMER]) {
        const spec = parseZone(zoneNameAt(ms, zone));
        if (spec?.kind !== 'offset' || spec.minutes !== offsetAt(ms, zone))
          wrong.push(`${zoneNameAt(ms, zone)} in ${zone}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
