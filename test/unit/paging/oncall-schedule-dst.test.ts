import { describe, expect, it } from 'vitest';
import { whoIsOnCall } from '../../../src/paging/oncall-schedule.ts';
import { type ScheduleInput, scheduleSchema } from '../../../src/paging/schedule-schema.ts';

/**
 * Handoffs are local wall-clock times, so DST changes the UTC length of the shift that contains them.
 * Europe/Berlin switches on 2025-03-30 and 2025-10-26, America/New_York on 2025-03-09 and 2025-11-02.
 */

type LayerInput = ScheduleInput['layers'][number];

const at = (iso: string) => new Date(iso);
const hours = (n: number) => n * 3_600_000;

function schedule(layer: Partial<LayerInput>, options: { timezone?: string } = {}) {
  const primary: LayerInput = {
    name: 'primary',
    rotation: 'weekly',
    handoff: '09:00',
    start: '2025-01-06',
    members: ['U01ALICE', 'U02BOB', 'U03CAROL'],
    ...layer,
  };
  return scheduleSchema.parse({
    id: 'dst',
    timezone: options.timezone ?? 'Europe/Berlin',
    layers: [primary],
  });
}

function shift(s: ReturnType<typeof schedule>, when: string) {
  const oncall = whoIsOnCall(s, at(when));
  return { from: oncall.shiftStart.toISOString(), to: oncall.shiftEnd.toISOString() };
}

const lengthOf = (s: ReturnType<typeof schedule>, when: string) => {
  const oncall = whoIsOnCall(s, at(when));
  return oncall.shiftEnd.getTime() - oncall.shiftStart.getTime();
};

describe('DST: handoffs stay at local wall-clock time', () => {
  it('Europe/Berlin spring forward: the weekly shift containing 2025-03-30 is 167h', () => {
    const weekly = schedule({});
    expect(shift(weekly, '2025-03-30T12:00:00Z')).toMatchObject({
      from: '2025-03-24T08:00:00.000Z',
      to: '2025-03-31T07:00:00.000Z',
    });
    expect(lengthOf(weekly, '2025-03-30T12:00:00Z')).toBe(hours(167));
  });

  it('Europe/Berlin fall back: the weekly shift containing 2025-10-26 is 169h', () => {
    const weekly = schedule({});
    expect(shift(weekly, '2025-10-26T12:00:00Z')).toMatchObject({
      from: '2025-10-20T07:00:00.000Z',
      to: '2025-10-27T08:00:00.000Z',
    });
    expect(lengthOf(weekly, '2025-10-26T12:00:00Z')).toBe(hours(169));
  });

  it('Europe/Berlin daily 09:00: 23h into the spring-forward day, 25h into the fall-back day', () => {
    const daily = schedule({ rotation: 'daily' });
    expect(shift(daily, '2025-03-29T12:00:00Z').to).toBe('2025-03-30T07:00:00.000Z');
    expect(lengthOf(daily, '2025-03-29T12:00:00Z')).toBe(hours(23));
    expect(shift(daily, '2025-10-25T12:00:00Z').to).toBe('2025-10-26T08:00:00.000Z');
    expect(lengthOf(daily, '2025-10-25T12:00:00Z')).toBe(hours(25));
  });

  it('America/New_York spring forward: the weekly shift containing 2025-03-09 is 167h', () => {
    const weekly = schedule({}, { timezone: 'America/New_York' });
    expect(shift(weekly, '2025-03-09T12:00:00Z')).toMatchObject({
      from: '2025-03-03T14:00:00.000Z',
      to: '2025-03-10T13:00:00.000Z',
    });
  });

  it('America/New_York fall back: the weekly shift containing 2025-11-02 is 169h', () => {
    const weekly = schedule({}, { timezone: 'America/New_York' });
    expect(shift(weekly, '2025-11-02T12:00:00Z')).toMatchObject({
      from: '2025-10-27T13:00:00.000Z',
      to: '2025-11-03T14:00:00.000Z',
    });
  });

  it('America/New_York daily 09:00: 23h on 2025-03-08/09, 25h on 2025-11-01/02', () => {
    const daily = schedule({ rotation: 'daily' }, { timezone: 'America/New_York' });
    expect(shift(daily, '2025-03-08T20:00:00Z')).toMatchObject({
      from: '2025-03-08T14:00:00.000Z',
      to: '2025-03-09T13:00:00.000Z',
    });
    expect(shift(daily, '2025-11-01T20:00:00Z')).toMatchObject({
      from: '2025-11-01T13:00:00.000Z',
      to: '2025-11-02T14:00:00.000Z',
    });
  });
});

describe('DST: a handoff inside the skipped or repeated hour', () => {
  // The rule of core/time/local-time.ts, shared with notes and chat times: a skipped time is read
  // with the offset before the jump (02:30 CET = 03:30 CEST, so the shift stays 24h), and a
  // repeated time is the first of the two.
  const daily0230 = (timezone: string) => schedule({ rotation: 'daily', handoff: '02:30' }, { timezone });

  it('Europe/Berlin 2025-03-30: 02:30 does not exist, the handoff is at 03:30 CEST (01:30Z), 24h after the last', () => {
    const s = daily0230('Europe/Berlin');
    expect(shift(s, '2025-03-30T01:30:00.000Z').from).toBe('2025-03-30T01:30:00.000Z');
    expect(shift(s, '2025-03-30T01:29:59.999Z').from).toBe('2025-03-29T01:30:00.000Z');
    expect(shift(s, '2025-03-30T01:30:00.000Z').to).toBe('2025-03-31T00:30:00.000Z');
  });

  it('Europe/Berlin 2025-10-26: 02:30 happens twice, the handoff is at the first (CEST, 00:30Z)', () => {
    const s = daily0230('Europe/Berlin');
    expect(shift(s, '2025-10-26T00:30:00Z')).toMatchObject({
      from: '2025-10-26T00:30:00.000Z',
      to: '2025-10-27T01:30:00.000Z',
    });
  });

  it('America/New_York 2025-03-09: 02:30 does not exist, the handoff is at 03:30 EDT (07:30Z)', () => {
    const s = daily0230('America/New_York');
    expect(shift(s, '2025-03-09T07:30:00Z')).toMatchObject({
      from: '2025-03-09T07:30:00.000Z',
      to: '2025-03-10T06:30:00.000Z',
    });
  });

  it('America/New_York 2025-11-02: 02:30 is after the repeated hour, so it happens once (EST, 07:30Z)', () => {
    const s = daily0230('America/New_York');
    expect(shift(s, '2025-11-02T08:00:00Z').from).toBe('2025-11-02T07:30:00.000Z');
  });

  it('America/New_York 2025-11-02: 01:30 happens twice, the handoff is at the first (EDT, 05:30Z)', () => {
    const s = schedule({ rotation: 'daily', handoff: '01:30' }, { timezone: 'America/New_York' });
    expect(shift(s, '2025-11-02T05:30:00Z')).toMatchObject({
      from: '2025-11-02T05:30:00.000Z',
      to: '2025-11-03T06:30:00.000Z',
    });
  });
});
