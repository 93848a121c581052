import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayjs } from '../../../../src/core/time/dayjs.ts';
import { formatClock } from '../../../../src/core/time/format-time.ts';
import { parseLeadingTime } from '../../../../src/core/time/parse-backdate.ts';
import { whoIsOnCall } from '../../../../src/paging/oncall-schedule.ts';
import { scheduleSchema } from '../../../../src/paging/schedule-schema.ts';
import { readSignals } from '../../../../src/postmortem/message-signals.ts';

/*
 * For any minute between 2000 and 2037 in any of these zones (with one-hour, half-hour and no DST,
 * on both hemispheres, with quarter-hour offsets), write the local time the way a person would and
 * hand it to each caller: all three must land on the same instant.
 */

const ZONES = [
  'UTC',
  'Europe/Berlin',
  'Europe/London',
  'America/New_York',
  'America/Los_Angeles',
  'America/St_Johns',
  'America/Sao_Paulo',
  'Australia/Sydney',
  'Australia/Lord_Howe',
  'Pacific/Auckland',
  'Pacific/Chatham',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Asia/Tehran',
] as const;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const instant = fc
  .integer({ min: Date.UTC(2000, 0, 2) / MINUTE, max: Date.UTC(2037, 11, 30) / MINUTE })
  .map((minute) => minute * MINUTE);
const zone = fc.constantFrom(...ZONES);
const RUNS = { numRuns: 400 };

/** `GMT+05:30` as Intl names the offset itself: an oracle that shares no code with tocsin. */
const offsetNames = new Map<string, Intl.DateTimeFormat>();
function offsetName(ms: number, timeZone: string): string {
  let format = offsetNames.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    offsetNames.set(timeZone, format);
  }
  return format.formatToParts(ms).find((part) => part.type === 'timeZoneName')?.value ?? '';
}

/** The instants in `year` at which `timeZone` changes offset. */
const transitions = new Map<string, number[]>();
function transitionsIn(timeZone: string, year: number): number[] {
  const key = `${timeZone} ${year}`;
  let found = transitions.get(key);
  if (found) return found;
  found = [];
  const offset = (ms: number) => offsetName(ms, timeZone);
  const WEEK = 7 * 24 * HOUR;
  for (let from = Date.UTC(year, 0, 1); from < Date.UTC(year + 1, 0, 1); from += WEEK) {
    if (offset(from) === offset(from + WEEK)) continue;
    let [before, after] = [from, from + WEEK];
    while (after - before > MINUTE) {
      const middle = before + Math.floor((after - before) / 2 / MINUTE) * MINUTE;
      if (offset(middle) === offset(before)) before = middle;
      else after = middle;
    }
    found.push(after);
  }
  transitions.set(key, found);
  return found;
}

/**
 * Uniform minutes almost never fall in the hour a year that DST skips or repeats, so half the
 * samples are drawn within three hours of a real transition.
 */
const nearTransition = fc
  .tuple(zone, fc.integer({ min: 2000, max: 2037 }), fc.nat(), fc.integer({ min: -180, max: 180 }))
  .map(([timeZone, year, pick, minutes]) => {
    const list = transitionsIn(timeZone, year);
    const base = list.length > 0 ? (list[pick % list.length] as number) : Date.UTC(year, 5, 1);
    return [base + minutes * MINUTE, timeZone] as const;
  });
const sample = fc.oneof(fc.tuple(instant, zone), nearTransition);

function note(text: string, now: number, timeZone: string): number | undefined {
  const result = parseLeadingTime(`${text} db restarted`, { now: new Date(now), timeZone });
  return result.ok ? result.value.occurredAt?.getTime() : undefined;
}

function chat(text: string, saidAt: number, timeZone: string): number | undefined {
  const at = readSignals(`db restarted at ${text}`, new Date(saidAt).toISOString(), timeZone).occurredAt;
  return at === undefined ? undefined : Date.parse(at);
}

function handoff(date: string, time: string, timeZone: string, at: number): number {
  const start = dayjs.utc(date).subtract(1, 'day').format('YYYY-MM-DD');
  const schedule = scheduleSchema.parse({
    id: 'property',
    timezone: timeZone,
    layers: [{ name: 'primary', rotation: 'daily', handoff: time, start, members: ['U01ALICE', 'U02BOB'] }],
  });
  return whoIsOnCall(schedule, new Date(at)).shiftStart.getTime();
}

describe('notes, on-call handoffs and chat times agree on every local time', () => {
  it('a dated local time means the same instant to all three; only a repeated time moves, to its first pass', () => {
    fc.assert(
      fc.property(sample, ([t, timeZone]) => {
        const local = dayjs(t).tz(timeZone);
        const [date, time] = [local.format('YYYY-MM-DD'), local.format('HH:mm')];
        const fromNote = note(`${date} ${time}`, t + 2 * HOUR, timeZone);
        const fromChat = chat(`${date} ${time}`, t + 2 * HOUR, timeZone);
        const fromSchedule = handoff(date, time, timeZone, t);
        expect(fromChat).toBe(fromNote);
        expect(fromSchedule).toBe(fromNote);
        const meant = fromNote as number;
        if (meant !== t) {
          // The same wall clock earlier, at a larger offset: t is the second pass of a fall-back hour.
          expect(dayjs(meant).tz(timeZone).format('YYYY-MM-DD HH:mm')).toBe(`${date} ${time}`);
          expect(meant).toBeLessThan(t);
          expect(t - meant).toBeLessThanOrEqual(HOUR);
        }
      }),
      RUNS,
    );
  });

  it('a bare time said the moment it names means that moment, repeated hours included', () => {
    fc.assert(
      fc.property(sample, fc.integer({ min: 0, max: 59_999 }), ([t, timeZone], late) => {
        const time = dayjs(t).tz(timeZone).format('HH:mm');
        expect(note(time, t + late, timeZone)).toBe(t);
        expect(chat(time, t + late, timeZone)).toBe(t);
      }),
      RUNS,
    );
  });

  it('a time as tocsin shows it (16:23 CET, 02:30 GMT+5:45), typed back, means the instant shown', () => {
    fc.assert(
      fc.property(sample, zone, ([t, shownIn], workspace) => {
        const shown = /\((\d{4}-\d{2}-\d{2} \d{2}:\d{2}) (\S+)\)$/.exec(
          formatClock(new Date(t), shownIn, true),
        );
        const typed = shown ? `${shown[1]} ${shown[2]}` : `${dayjs(t).utc().format('YYYY-MM-DD HH:mm')} UTC`;
        expect(note(typed, t + 2 * HOUR, workspace)).toBe(t);
        expect(chat(typed, t + 2 * HOUR, workspace)).toBe(t);
      }),
      RUNS,
    );
  });
});
