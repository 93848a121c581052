import { describe, expect, it } from 'vitest';
import { formatClock } from '../../../../src/core/time/format-time.ts';

describe('times shown to people', () => {
  it('is just UTC for a UTC workspace', () => {
    expect(formatClock('2025-11-20T15:23:00Z', 'UTC')).toBe('15:23 UTC');
  });

  it('says CET, not GMT+1, for Berlin in winter', () => {
    expect(formatClock('2025-11-20T15:23:00Z', 'Europe/Berlin')).toBe('15:23 UTC (16:23 CET)');
  });

  it('says CEST for Berlin in summer, with dates when asked', () => {
    expect(formatClock(new Date('2025-07-01T22:30:00Z'), 'Europe/Berlin', true)).toBe(
      '2025-07-01 22:30 UTC (2025-07-02 00:30 CEST)',
    );
  });

  it('says EST and EDT for New York, PST for Los Angeles, BST for London in summer', () => {
    expect(formatClock('2025-11-20T15:23:00Z', 'America/New_York')).toBe('15:23 UTC (10:23 EST)');
    expect(formatClock('2025-07-01T15:23:00Z', 'America/New_York')).toBe('15:23 UTC (11:23 EDT)');
    expect(formatClock('2025-11-20T15:23:00Z', 'America/Los_Angeles')).toBe('15:23 UTC (07:23 PST)');
    expect(formatClock('2025-07-01T15:23:00Z', 'Europe/London')).toBe('15:23 UTC (16:23 BST)');
  });

  it('falls back to GMT+N where no abbreviation is in common use', () => {
    expect(formatClock('2025-11-20T15:23:00Z', 'Asia/Tokyo')).toBe('15:23 UTC (00:23 GMT+9)');
  });

  it('tells the two passes of a repeated hour apart by their names', () => {
    expect(formatClock('2025-10-26T00:30:00Z', 'Europe/Berlin')).toBe('00:30 UTC (02:30 CEST)');
    expect(formatClock('2025-10-26T01:30:00Z', 'Europe/Berlin')).toBe('01:30 UTC (02:30 CET)');
  });
});
