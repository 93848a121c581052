import { describe, expect, it } from 'vitest';
import { InvalidDurationError, parseDuration } from '../../../src/core/policy/duration.ts';

describe('parseDuration', () => {
  it('reads seconds', () => {
    expect(parseDuration('90s')).toBe(90_000);
  });

  it('reads minutes', () => {
    expect(parseDuration('5m')).toBe(300_000);
  });

  it('reads hours', () => {
    expect(parseDuration('2h')).toBe(7_200_000);
  });

  it('reads days as 24 hours', () => {
    expect(parseDuration('3d')).toBe(259_200_000);
  });

  it('adds up combined units such as 1h30m', () => {
    expect(parseDuration('1h30m')).toBe(5_400_000);
  });

  it('accepts every unit at once, largest first', () => {
    expect(parseDuration('1d2h3m4s')).toBe(93_784_000);
  });

  it('ignores surrounding whitespace', () => {
    expect(parseDuration(' 15m ')).toBe(900_000);
  });

  it('accepts zero, leaving "must be positive" to the caller that knows the key', () => {
    expect(parseDuration('0s')).toBe(0);
  });

  it.each([
    ['', 'empty text'],
    ['5', 'a number without a unit'],
    ['5x', 'an unknown unit'],
    ['1.5h', 'a fraction'],
    ['-5m', 'a negative value'],
    ['30m1h', 'units out of order'],
    ['5m5m', 'a repeated unit'],
    ['h', 'a unit without a number'],
    ['5 m', 'a space inside'],
  ])('rejects %j (%s)', (text) => {
    expect(() => parseDuration(text)).toThrow(InvalidDurationError);
  });

  it('names the bad value in a typed error', () => {
    let caught: unknown;
    try {
      parseDuration('3 weeks');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InvalidDurationError);
    expect((caught as InvalidDurationError).value).toBe('3 weeks');
    expect((caught as InvalidDurationError).message).toBe(
      'invalid duration "3 weeks": use e.g. 90s, 5m, 2h, 3d or 1h30m',
    );
  });
});
