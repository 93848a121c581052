import { describe, expect, it } from 'vitest';
import { median, percentile, ratio, scalingExponent, summarize } from '../../../bench/lib/percentiles.ts';

const oneToHundred = Array.from({ length: 100 }, (_, i) => i + 1);

describe('benchmark percentiles', () => {
  it('reports p50 and p99 of 1..100 as the observed 50 and 99 (nearest rank, no interpolation)', () => {
    expect(percentile(oneToHundred, 50)).toBe(50);
    expect(percentile(oneToHundred, 99)).toBe(99);
    expect(percentile(oneToHundred, 100)).toBe(100);
    expect(percentile(oneToHundred, 0)).toBe(1);
  });

  it('takes the 990th of 1,000 samples as p99, so ten slow requests are what it shows', () => {
    const samples = Array.from({ length: 1000 }, (_, i) => (i < 989 ? 1 : 500));
    expect(summarize(samples).p99).toBe(500);
    const fewer = Array.from({ length: 1000 }, (_, i) => (i < 990 ? 1 : 500));
    expect(summarize(fewer).p99).toBe(1);
  });

  it('summarizes unsorted samples with count, min, max and mean', () => {
    expect(summarize([5, 1, 3])).toEqual({ count: 3, min: 1, p50: 3, p99: 5, max: 5, mean: 3 });
  });

  it('counts a timer that never fired as infinitely late', () => {
    const summary = summarize([...Array.from({ length: 98 }, () => 10), Infinity, Infinity]);
    expect(summary.p99).toBe(Infinity);
    expect(summary.p50).toBe(10);
  });

  it('takes the median of an even count as the mean of the middle two', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
  });

  it('refuses percentiles of no samples or outside 0..100', () => {
    expect(() => percentile([], 50)).toThrow(RangeError);
    expect(() => percentile([1], 101)).toThrow(RangeError);
    expect(() => median([])).toThrow(RangeError);
  });

  it('raises both sides of a ratio to the floor, so sub-floor tails compare as equal', () => {
    expect(ratio(3, 1, 10)).toBe(1);
    expect(ratio(30, 1, 10)).toBe(3);
    expect(ratio(8, 4)).toBe(2);
  });

  it('refuses a ratio to a zero baseline unless a floor is given', () => {
    expect(() => ratio(5, 0)).toThrow(RangeError);
    expect(ratio(5, 0, 1)).toBe(5);
  });

  it('gives a scaling exponent of 1 for linear growth and 2 for quadratic', () => {
    expect(scalingExponent({ size: 10, value: 3 }, { size: 100, value: 30 })).toBeCloseTo(1);
    expect(scalingExponent({ size: 10, value: 3 }, { size: 100, value: 300 })).toBeCloseTo(2);
  });
});
