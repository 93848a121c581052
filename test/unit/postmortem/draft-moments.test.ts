import { describe, expect, it } from 'vitest';
import { crossesMidnight, DraftMoments, spanBetween } from '../../../src/postmortem/draft-moments.ts';

describe('times in a draft', () => {
  it('follows the workspace zone across a daylight-saving change', () => {
    const moments = new DraftMoments('Europe/Berlin', '2025-03-30T00:30:00.000Z', false);
    expect(moments.moment('2025-03-30T00:59:00.000Z').text).toBe('00:59 UTC (01:59 CET)');
    expect(moments.moment('2025-03-30T01:00:00.000Z').text).toBe('01:00 UTC (03:00 CEST)');
  });

  it('names American zones by their usual abbreviation', () => {
    const moments = new DraftMoments('America/New_York', '2025-11-20T15:00:00.000Z', false);
    expect(moments.moment('2025-11-20T15:23:00.000Z').local).toBe('10:23 EST');
  });

  it('writes transcript times exactly like timeline times', () => {
    const moments = new DraftMoments('Asia/Kolkata', '2025-11-20T15:00:00.000Z', true);
    const iso = '2025-11-20T20:10:00.000Z';
    expect(moments.text(Date.parse(iso))).toBe(moments.moment(iso).text);
    expect(moments.text(Date.parse(iso))).toBe('2025-11-20 20:10 UTC (2025-11-21 01:40 IST)');
  });

  it('counts minutes from the declaration as the clocks read them', () => {
    const moments = new DraftMoments('UTC', '2025-11-20T15:33:50.000Z', false);
    expect(moments.relative('2025-11-20T15:34:05.000Z')).toBe('T+01');
    expect(moments.relative('2025-11-20T15:23:00.000Z')).toBe('T-10');
    expect(moments.relative('2025-11-20T18:00:00.000Z')).toBe('T+147');
  });

  it('tells a span in words and as hours:minutes', () => {
    expect(spanBetween('2025-11-20T10:00:00.000Z', '2025-11-21T12:05:00.000Z')).toEqual({
      minutes: 1565,
      text: '1d 2h',
      hhmm: '26:05',
    });
  });

  it('knows when an incident crosses midnight in the zone but not in UTC', () => {
    expect(crossesMidnight('2025-11-20T22:50:00.000Z', '2025-11-20T23:10:00.000Z', 'UTC')).toBe(false);
    expect(crossesMidnight('2025-11-20T22:50:00.000Z', '2025-11-20T23:10:00.000Z', 'Europe/Berlin')).toBe(
      true,
    );
  });
});
