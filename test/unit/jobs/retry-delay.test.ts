import { describe, expect, it } from 'vitest';
import { retryDelay } from '../../../src/jobs/retry-delay.ts';

const NOW = 1_000_000;

describe('how long a failed job waits before its next attempt', () => {
  it('doubles from 500 ms when the receiver said nothing', () => {
    expect([1, 2, 3, 4].map((attempts) => retryDelay(attempts, new Error('down'), {}, NOW))).toEqual([
      500, 1000, 2000, 4000,
    ]);
  });

  it('waits what a Retry-After asked for', () => {
    expect(retryDelay(1, { retryAfterMs: 7_000 }, {}, NOW)).toBe(7_000);
  });

  it('never waits past the escalation deadline the job carries', () => {
    expect(retryDelay(1, { retryAfterMs: 120_000 }, { retryBy: NOW + 30_000 }, NOW)).toBe(30_000);
    expect(retryDelay(1, { retryAfterMs: 120_000 }, { retryBy: NOW - 5 }, NOW)).toBe(0);
  });

  it('does not believe a Retry-After of more than ten minutes', () => {
    expect(retryDelay(1, { retryAfterMs: 86_400_000 }, {}, NOW)).toBe(600_000);
  });
});
