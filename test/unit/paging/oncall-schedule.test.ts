import { describe, expect, it } from 'vitest';
import {
  layersOf,
  nextLayer,
  nextOnCall,
  UnknownLayerError,
  whoIsOnCall,
} from '../../../src/paging/oncall-schedule.ts';
import { type Schedule, type ScheduleInput, scheduleSchema } from '../../../src/paging/schedule-schema.ts';

type LayerInput = ScheduleInput['layers'][number];
type OverrideInput = NonNullable<ScheduleInput['overrides']>[number];

const at = (iso: string) => new Date(iso);
const hours = (n: number) => n * 3_600_000;

function schedule(
  layer: Partial<LayerInput>,
  options: { timezone?: string; overrides?: OverrideInput[] } = {},
) {
  const primary: LayerInput = {
    name: 'primary',
    rotation: 'weekly',
    handoff: '09:00',
    start: '2025-01-06',
    members: ['U01ALICE', 'U02BOB', 'U03CAROL'],
    ...layer,
  };
  const secondary: LayerInput = {
    name: 'secondary',
    rotation: 'daily',
    handoff: '09:00',
    start: '2025-01-06',
    members: ['U04DAVE', 'U05ERIN'],
  };
  return scheduleSchema.parse({
    id: 'platform-oncall',
    timezone: options.timezone ?? 'Europe/Berlin',
    layers: [primary, secondary],
    overrides: options.overrides ?? [],
  });
}

function shift(s: Schedule, when: string, layer?: string) {
  const oncall = whoIsOnCall(s, at(when), layer);
  return {
    userId: oncall.userId,
    from: oncall.shiftStart.toISOString(),
    to: oncall.shiftEnd.toISOString(),
    override: oncall.override,
  };
}

const lengthOf = (s: Schedule, when: string) => {
  const oncall = whoIsOnCall(s, at(when));
  return oncall.shiftEnd.getTime() - oncall.shiftStart.getTime();
};

describe('weekly rotation', () => {
  const weekly = schedule({});

  it('starts with the first member at the handoff on the start date', () => {
    expect(shift(weekly, '2025-01-06T08:00:00Z')).toEqual({
      userId: 'U01ALICE',
      from: '2025-01-06T08:00:00.000Z',
      to: '2025-01-13T08:00:00.000Z',
      override: false,
    });
  });

  it('hands over to members in the order they are listed', () => {
    expect(shift(weekly, '2025-01-15T12:00:00Z').userId).toBe('U02BOB');
    expect(shift(weekly, '2025-01-22T12:00:00Z').userId).toBe('U03CAROL');
  });

  it('wraps around to the first member after the last', () => {
    expect(shift(weekly, '2025-01-29T12:00:00Z').userId).toBe('U01ALICE');
  });

  it('puts the new person on call at the handoff instant itself', () => {
    expect(shift(weekly, '2025-01-13T08:00:00.000Z').userId).toBe('U02BOB');
    expect(shift(weekly, '2025-01-13T07:59:59.999Z').userId).toBe('U01ALICE');
  });

  it('stays in step months later (21 weeks after start is the first member again)', () => {
    expect(shift(weekly, '2025-06-04T12:00:00Z')).toMatchObject({
      userId: 'U01ALICE',
      from: '2025-06-02T07:00:00.000Z',
      to: '2025-06-09T07:00:00.000Z',
    });
  });

  it('hands over on handoff_day', () => {
    const thursdays = schedule({ handoff_day: 'thursday', start: '2025-01-09' });
    expect(shift(thursdays, '2025-01-16T08:00:00Z')).toMatchObject({
      userId: 'U02BOB',
      to: '2025-01-23T08:00:00.000Z',
    });
  });

  it('gives the first member a short first shift when start is not on handoff_day', () => {
    const wednesdayStart = schedule({ start: '2025-01-08' });
    expect(shift(wednesdayStart, '2025-01-09T12:00:00Z')).toMatchObject({
      userId: 'U01ALICE',
      from: '2025-01-08T08:00:00.000Z',
      to: '2025-01-13T08:00:00.000Z',
    });
    expect(shift(wednesdayStart, '2025-01-13T08:00:00Z').userId).toBe('U02BOB');
  });

  it('before start, returns the first member with the shift that begins at start', () => {
    expect(shift(weekly, '2024-12-24T12:00:00Z')).toEqual({
      userId: 'U01ALICE',
      from: '2025-01-06T08:00:00.000Z',
      to: '2025-01-13T08:00:00.000Z',
      override: false,
    });
  });
});

describe('daily and custom rotations', () => {
  it('daily: a new member every day at the handoff', () => {
    const daily = schedule({ rotation: 'daily', members: ['U04DAVE', 'U05ERIN'] });
    expect(shift(daily, '2025-01-07T10:00:00Z')).toMatchObject({
      userId: 'U05ERIN',
      from: '2025-01-07T08:00:00.000Z',
      to: '2025-01-08T08:00:00.000Z',
    });
    expect(shift(daily, '2025-01-08T08:00:00Z').userId).toBe('U04DAVE');
  });

  it('custom 3d: shifts of three days at the handoff', () => {
    const threeDays = schedule({ rotation: 'custom', length: '3d' });
    expect(shift(threeDays, '2025-01-10T12:00:00Z')).toMatchObject({
      userId: 'U02BOB',
      from: '2025-01-09T08:00:00.000Z',
      to: '2025-01-12T08:00:00.000Z',
    });
    expect(shift(threeDays, '2025-01-15T08:00:00Z').userId).toBe('U01ALICE');
  });

  it('custom whole days follow the wall clock across DST (3d shift over 2025-03-30 is 71h)', () => {
    const threeDays = schedule({ rotation: 'custom', length: '3d', start: '2025-03-28' });
    expect(shift(threeDays, '2025-03-30T12:00:00Z').to).toBe('2025-03-31T07:00:00.000Z');
    expect(lengthOf(threeDays, '2025-03-30T12:00:00Z')).toBe(hours(71));
  });

  it('custom lengths that are not whole days are absolute time, so DST moves their local handoff', () => {
    const twelveHours = schedule({
      rotation: 'custom',
      length: '12h',
      start: '2025-03-29',
      members: ['A', 'B'],
    });
    // 09:00 CET, 21:00 CET, then 10:00 CEST: always 12 real hours apart.
    expect(shift(twelveHours, '2025-03-30T08:00:00Z')).toMatchObject({
      userId: 'A',
      from: '2025-03-30T08:00:00.000Z',
      to: '2025-03-30T20:00:00.000Z',
    });
  });
});

describe('overrides', () => {
  const frank = (start: string, end: string, layer?: string): OverrideInput =>
    layer === undefined ? { user: 'U06FRANK', start, end } : { user: 'U06FRANK', start, end, layer };

  it('win over the rotation from their start, cutting the rotation shift short', () => {
    const s = schedule({}, { overrides: [frank('2025-01-08 12:00', '2025-01-09T18:00:00+01:00')] });
    expect(shift(s, '2025-01-07T12:00:00Z')).toMatchObject({
      userId: 'U01ALICE',
      to: '2025-01-08T11:00:00.000Z',
    });
    expect(shift(s, '2025-01-08T11:00:00Z')).toEqual({
      userId: 'U06FRANK',
      from: '2025-01-08T11:00:00.000Z',
      to: '2025-01-09T17:00:00.000Z',
      override: true,
    });
  });

  it('hand back to the rotation member when they end mid-shift', () => {
    const s = schedule({}, { overrides: [frank('2025-01-08 12:00', '2025-01-09T18:00:00+01:00')] });
    expect(shift(s, '2025-01-09T17:00:00Z')).toEqual({
      userId: 'U01ALICE',
      from: '2025-01-09T17:00:00.000Z',
      to: '2025-01-13T08:00:00.000Z',
      override: false,
    });
  });

  it('can span a handoff, after which the next rotation member resumes', () => {
    const s = schedule({}, { overrides: [frank('2025-01-12T00:00:00Z', '2025-01-14T00:00:00Z')] });
    expect(shift(s, '2025-01-13T08:00:00Z')).toMatchObject({ userId: 'U06FRANK', override: true });
    expect(shift(s, '2025-01-14T00:00:00Z')).toMatchObject({
      userId: 'U02BOB',
      from: '2025-01-14T00:00:00.000Z',
      to: '2025-01-20T08:00:00.000Z',
    });
  });

  it('the one listed last wins where two overlap, and the earlier one resumes after it', () => {
    const erin: OverrideInput = {
      user: 'U05ERIN',
      start: '2025-01-08T12:00:00Z',
      end: '2025-01-08T14:00:00Z',
    };
    const s = schedule({}, { overrides: [frank('2025-01-08T10:00:00Z', '2025-01-08T20:00:00Z'), erin] });
    expect(shift(s, '2025-01-08T13:00:00Z')).toMatchObject({
      userId: 'U05ERIN',
      to: '2025-01-08T14:00:00.000Z',
    });
    expect(shift(s, '2025-01-08T14:00:00Z')).toMatchObject({
      userId: 'U06FRANK',
      from: '2025-01-08T14:00:00.000Z',
      to: '2025-01-08T20:00:00.000Z',
    });
  });

  it('extend the stretch when they put on call the person already on call', () => {
    const alice: OverrideInput = {
      user: 'U01ALICE',
      start: '2025-01-13T08:00:00Z',
      end: '2025-01-13T20:00:00Z',
    };
    const s = schedule({}, { overrides: [alice] });
    expect(shift(s, '2025-01-10T12:00:00Z')).toMatchObject({
      userId: 'U01ALICE',
      from: '2025-01-06T08:00:00.000Z',
      to: '2025-01-13T20:00:00.000Z',
      override: false,
    });
  });

  it('are honoured before the rotation starts, after which the first member takes over at start', () => {
    const s = schedule({}, { overrides: [frank('2025-01-01T00:00:00Z', '2025-01-02T00:00:00Z')] });
    expect(shift(s, '2025-01-01T12:00:00Z')).toMatchObject({ userId: 'U06FRANK', override: true });
    expect(nextOnCall(s, at('2025-01-01T12:00:00Z'))).toMatchObject({
      userId: 'U01ALICE',
      shiftStart: at('2025-01-06T08:00:00Z'),
    });
  });

  it('apply only to their own layer', () => {
    const s = schedule(
      {},
      { overrides: [frank('2025-01-08T00:00:00Z', '2025-01-09T00:00:00Z', 'secondary')] },
    );
    expect(shift(s, '2025-01-08T12:00:00Z').userId).toBe('U01ALICE');
    expect(shift(s, '2025-01-08T12:00:00Z', 'secondary')).toMatchObject({
      userId: 'U06FRANK',
      override: true,
    });
  });
});

describe('nextOnCall', () => {
  it('is the next member from the end of the current shift', () => {
    const next = nextOnCall(schedule({}), at('2025-01-07T12:00:00Z'));
    expect(next).toEqual({
      userId: 'U02BOB',
      layer: 'primary',
      shiftStart: at('2025-01-13T08:00:00Z'),
      shiftEnd: at('2025-01-20T08:00:00Z'),
      override: false,
    });
  });

  it('is an upcoming override that cuts the current shift short', () => {
    const frank = { user: 'U06FRANK', start: '2025-01-08T11:00:00Z', end: '2025-01-09T17:00:00Z' };
    const next = nextOnCall(schedule({}, { overrides: [frank] }), at('2025-01-07T12:00:00Z'));
    expect(next).toMatchObject({
      userId: 'U06FRANK',
      override: true,
      shiftStart: at('2025-01-08T11:00:00Z'),
    });
  });

  it('during an override, is the rotation member who resumes after it', () => {
    const frank = { user: 'U06FRANK', start: '2025-01-08T11:00:00Z', end: '2025-01-09T17:00:00Z' };
    const next = nextOnCall(schedule({}, { overrides: [frank] }), at('2025-01-08T12:00:00Z'));
    expect(next).toMatchObject({ userId: 'U01ALICE', shiftStart: at('2025-01-09T17:00:00Z') });
  });

  it('is the same person’s next shift in a single-member rotation', () => {
    const next = nextOnCall(schedule({ members: ['U01ALICE'] }), at('2025-01-07T12:00:00Z'));
    expect(next).toMatchObject({ userId: 'U01ALICE', shiftStart: at('2025-01-13T08:00:00Z') });
  });

  it('before start, is the second member', () => {
    const next = nextOnCall(schedule({}), at('2024-12-24T12:00:00Z'));
    expect(next).toMatchObject({ userId: 'U02BOB', shiftStart: at('2025-01-13T08:00:00Z') });
  });
});

describe('layers', () => {
  const s = schedule({});

  it('lists layer names in escalation order', () => {
    expect(layersOf(s)).toEqual(['primary', 'secondary']);
  });

  it('escalates primary → secondary → nothing', () => {
    expect(nextLayer(s, 'primary')).toBe('secondary');
    expect(nextLayer(s, 'secondary')).toBeUndefined();
  });

  it('answers for the secondary layer with its own rotation', () => {
    expect(whoIsOnCall(s, at('2025-01-07T10:00:00Z'), 'secondary')).toMatchObject({
      userId: 'U05ERIN',
      layer: 'secondary',
    });
  });

  it('throws a typed error for a layer the schedule does not have', () => {
    expect(() => whoIsOnCall(s, at('2025-01-07T10:00:00Z'), 'tertiary')).toThrow(UnknownLayerError);
    expect(() => nextLayer(s, 'tertiary')).toThrow('schedule platform-oncall has no layer named "tertiary"');
  });
});
