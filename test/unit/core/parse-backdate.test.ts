import { describe, expect, it } from 'vitest';
import {
  checkBackdateLimit,
  parseDateTime,
  parseLeadingTime,
} from '../../../src/core/time/parse-backdate.ts';

const at = (iso: string) => new Date(iso);
function parsed(text: string, now: string, timeZone = 'UTC') {
  const result = parseLeadingTime(text, { now: at(now), timeZone });
  if (!result.ok) throw new Error(result.error.message);
  return { at: result.value.occurredAt?.toISOString(), rest: result.value.rest };
}
function refused(text: string, now: string, timeZone = 'UTC') {
  const result = parseLeadingTime(text, { now: at(now), timeZone });
  if (result.ok) throw new Error(`expected ${text} to be refused`);
  return result.error;
}

describe('a note that begins with a time is backdated', () => {
  it('reads a bare HH:MM as today in the workspace zone', () => {
    expect(parsed('15:23 rolled back deploy 4411', '2025-11-20T16:00:00Z')).toEqual({
      at: '2025-11-20T15:23:00.000Z',
      rest: 'rolled back deploy 4411',
    });
  });

  it('reads a bare time in the workspace time zone, not UTC', () => {
    expect(parsed('15:23 x', '2025-11-20T16:00:00Z', 'Europe/Berlin').at).toBe('2025-11-20T14:23:00.000Z');
  });

  it('takes a bare time later than now as yesterday (backdating across midnight)', () => {
    expect(parsed('23:50 db failover started', '2025-11-21T00:10:00Z').at).toBe('2025-11-20T23:50:00.000Z');
  });

  it('honours a typed zone abbreviation such as CEST', () => {
    expect(parsed('15:23 CEST alert fired', '2025-07-01T18:00:00Z')).toEqual({
      at: '2025-07-01T13:23:00.000Z',
      rest: 'alert fired',
    });
  });

  it('honours a typed IANA zone', () => {
    expect(parsed('09:00 America/New_York paged', '2025-07-01T18:00:00Z').at).toBe(
      '2025-07-01T13:00:00.000Z',
    );
  });

  it('reads a full date and time with UTC', () => {
    expect(parsed('2025-11-20 15:23 UTC x', '2025-11-21T09:00:00Z').at).toBe('2025-11-20T15:23:00.000Z');
  });

  it('reads a full date and time in the workspace zone when none is typed', () => {
    expect(parsed('2025-11-20 15:23 x', '2025-11-21T09:00:00Z', 'America/New_York').at).toBe(
      '2025-11-20T20:23:00.000Z',
    );
  });

  it('is DST-correct: the same wall-clock time maps to different UTC in summer and winter', () => {
    expect(parsed('2025-03-29 12:00 x', '2025-04-01T00:00:00Z', 'Europe/Berlin').at).toBe(
      '2025-03-29T11:00:00.000Z',
    );
    expect(parsed('2025-03-31 12:00 x', '2025-04-01T00:00:00Z', 'Europe/Berlin').at).toBe(
      '2025-03-31T10:00:00.000Z',
    );
  });

  it('is DST-correct on the day clocks go back in New York', () => {
    expect(parsed('2025-11-02 08:00 x', '2025-11-03T00:00:00Z', 'America/New_York').at).toBe(
      '2025-11-02T13:00:00.000Z',
    );
  });

  it('leaves text without a leading time alone', () => {
    expect(parsed('rolled back at 15:23', '2025-11-20T16:00:00Z')).toEqual({ rest: 'rolled back at 15:23' });
  });

  it('does not take a word after the time as a zone unless it is one', () => {
    expect(parsed('15:23 db restarted', '2025-11-20T16:00:00Z').rest).toBe('db restarted');
  });
});

describe('times that cannot be a note time are refused with the right usage', () => {
  it('refuses an explicit date in the future', () => {
    const error = refused('2025-11-22 10:00 UTC x', '2025-11-20T16:00:00Z');
    expect(error.identifier).toBe('time_in_future');
    expect(error.message).toContain('in the future');
  });

  it('refuses an hour past 23', () => {
    expect(refused('25:10 x', '2025-11-20T16:00:00Z').identifier).toBe('invalid_time');
  });

  it('refuses a date that does not exist', () => {
    expect(refused('2025-02-30 10:00 x', '2025-11-20T16:00:00Z').identifier).toBe('invalid_time');
  });

  it('refuses a date without a time', () => {
    expect(refused('2025-11-20 x', '2025-11-20T16:00:00Z').message).toContain('HH:MM');
  });
});

describe('the console clock', () => {
  it('parses a date, time and zone', () => {
    expect(parseDateTime('2025-11-20 15:23 CET', 'UTC')?.toISOString()).toBe('2025-11-20T14:23:00.000Z');
  });
  it('rejects nonsense', () => {
    expect(parseDateTime('tomorrow', 'UTC')).toBeUndefined();
  });
});

describe('the limit on backdating before an incident started', () => {
  const declared = at('2025-11-20T10:00:00Z');

  it('allows a time exactly 7 days before the start', () => {
    expect(checkBackdateLimit(at('2025-11-13T10:00:00Z'), declared, 'UTC')).toBeUndefined();
  });

  it('refuses a time more than 7 days before the start and names both times', () => {
    expect(checkBackdateLimit(at('2025-11-13T09:59:00Z'), declared, 'UTC')?.message).toBe(
      '2025-11-13 09:59 UTC is more than 7 days before the incident started (2025-11-20 10:00 UTC). ' +
        'A note can go back at most 7 days before the start; write the earlier history into the note text instead.',
    );
  });

  it('shows the times in the workspace zone too', () => {
    expect(checkBackdateLimit(at('1900-01-01T00:00:00Z'), declared, 'Europe/Berlin')?.message).toContain(
      '(2025-11-20 11:00 CET)',
    );
  });
});
