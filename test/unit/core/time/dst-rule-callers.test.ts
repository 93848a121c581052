import { describe, expect, it } from 'vitest';
import { parseLeadingTime } from '../../../../src/core/time/parse-backdate.ts';
import { whoIsOnCall } from '../../../../src/paging/oncall-schedule.ts';
import { scheduleSchema } from '../../../../src/paging/schedule-schema.ts';
import { readSignals } from '../../../../src/postmortem/message-signals.ts';
import { DST_CASES, type DstCase } from './dst-cases.ts';

/*
 * One table (dst-cases.ts), three callers. Each caller is driven the way a person reaches it: a note
 * typed in chat, a schedule written in YAML, a message captured into the incident.
 */

const HOUR = 3_600_000;
const typedText = (c: DstCase) => `${c.date} ${c.time}${c.typed ? ` ${c.typed}` : ''}`;
const bareText = (c: DstCase) => `${c.time}${c.typed ? ` ${c.typed}` : ''}`;

function noteTime(text: string, now: number, timeZone: string): string | undefined {
  const result = parseLeadingTime(`${text} db restarted`, { now: new Date(now), timeZone });
  if (!result.ok) throw new Error(result.error.message);
  return result.value.occurredAt?.toISOString();
}

function dayBefore(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - 24 * HOUR).toISOString().slice(0, 10);
}

function dailyHandoffAt(c: DstCase) {
  return scheduleSchema.parse({
    id: 'dst',
    timezone: c.zone,
    layers: [
      {
        name: 'primary',
        rotation: 'daily',
        handoff: c.time,
        start: dayBefore(c.date),
        members: ['U01ALICE', 'U02BOB'],
      },
    ],
  });
}

function overrideFrom(c: DstCase) {
  return scheduleSchema.parse({
    id: 'dst',
    timezone: c.zone,
    layers: [
      { name: 'primary', rotation: 'weekly', handoff: '09:00', start: '2025-01-06', members: ['U01ALICE'] },
    ],
    overrides: [{ user: 'U03CAROL', start: `${c.date} ${c.time}`, end: `${c.date} 23:59` }],
  });
}

describe.each(DST_CASES)('$says: $date $time $zone $typed', (c) => {
  const means = Date.parse(c.means);

  it(`a note backdated to it is at ${c.means}`, () => {
    expect(noteTime(typedText(c), means + 24 * HOUR, c.zone)).toBe(c.means);
  });

  it('a note with just the time, typed half an hour later, is at the same instant', () => {
    expect(noteTime(bareText(c), means + HOUR / 2, c.zone)).toBe(c.means);
  });

  it('a chat message naming it puts the postmortem entry at the same instant', () => {
    expect(
      readSignals(`db restarted at ${typedText(c)}`, new Date(means + HOUR).toISOString(), c.zone),
    ).toEqual({
      signals: ['clock-time', 'restarted'],
      occurredAt: c.means,
    });
  });

  it('a chat message naming just the time, half an hour later, puts the entry at the same instant', () => {
    const saidAt = new Date(means + HOUR / 2).toISOString();
    expect(readSignals(`db restarted at ${bareText(c)}`, saidAt, c.zone).occurredAt).toBe(c.means);
  });

  it.skipIf(c.typed !== undefined)(
    'a daily on-call handoff at that time hands over at the same instant',
    () => {
      const schedule = dailyHandoffAt(c);
      expect(whoIsOnCall(schedule, new Date(means)).shiftStart.toISOString()).toBe(c.means);
      expect(whoIsOnCall(schedule, new Date(means - 1)).shiftEnd.toISOString()).toBe(c.means);
    },
  );

  it.skipIf(c.typed !== undefined)(
    'a schedule override written as that local time starts at the same instant',
    () => {
      const schedule = overrideFrom(c);
      expect(whoIsOnCall(schedule, new Date(means))).toMatchObject({ userId: 'U03CAROL', override: true });
      expect(whoIsOnCall(schedule, new Date(means)).shiftStart.toISOString()).toBe(c.means);
      expect(whoIsOnCall(schedule, new Date(means - 1)).userId).toBe('U01ALICE');
    },
  );
});
