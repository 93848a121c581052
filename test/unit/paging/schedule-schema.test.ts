import { describe, expect, it } from 'vitest';
import { type ScheduleInput, scheduleSchema, schedulesSchema } from '../../../src/paging/schedule-schema.ts';

type LayerInput = ScheduleInput['layers'][number];

const primary: LayerInput = {
  name: 'primary',
  rotation: 'weekly',
  handoff: '09:00',
  start: '2025-01-06',
  members: ['U01ALICE', 'U02BOB', 'U03CAROL'],
};

const example = {
  id: 'platform-oncall',
  timezone: 'Europe/Berlin',
  layers: [
    { ...primary, handoff_day: 'monday' },
    {
      name: 'secondary',
      rotation: 'daily',
      handoff: '09:00',
      start: '2025-01-06',
      members: ['U04DAVE', 'U05ERIN'],
    },
  ],
  overrides: [{ user: 'U06FRANK', start: '2025-03-30T00:00:00Z', end: '2025-03-31T09:00:00+02:00' }],
};

/** Every problem as "path: message", the way a config loader would print it. */
function problems(input: unknown): string[] {
  const result = scheduleSchema.safeParse(input);
  if (result.success) return [];
  return result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

const withLayer = (layer: Record<string, unknown>) => ({ ...example, layers: [{ ...primary, ...layer }] });

describe('schedule config: accepted', () => {
  it('parses the documented example', () => {
    const schedule = scheduleSchema.parse(example);
    expect(schedule.layers.map((layer) => [layer.name, layer.rotation, layer.lengthMs])).toEqual([
      ['primary', 'weekly', 7 * 86_400_000],
      ['secondary', 'daily', 86_400_000],
    ]);
  });

  it('defaults handoff_day to monday', () => {
    expect(scheduleSchema.parse(withLayer({})).layers[0]?.handoffDay).toBe('monday');
  });

  it('reads a custom length as milliseconds', () => {
    const schedule = scheduleSchema.parse(withLayer({ rotation: 'custom', length: '1h30m' }));
    expect(schedule.layers[0]?.lengthMs).toBe(5_400_000);
  });

  it('resolves override times with an offset, and defaults the override layer to primary', () => {
    expect(scheduleSchema.parse(example).overrides).toEqual([
      {
        layer: 'primary',
        user: 'U06FRANK',
        start: new Date('2025-03-30T00:00:00Z'),
        end: new Date('2025-03-31T07:00:00Z'),
      },
    ]);
  });

  it('reads "YYYY-MM-DD HH:MM" override times in the schedule timezone', () => {
    const overrides = [{ user: 'U06FRANK', start: '2025-07-01 09:00', end: '2025-07-01 17:30' }];
    const schedule = scheduleSchema.parse({ ...example, overrides });
    expect(schedule.overrides[0]?.start).toEqual(new Date('2025-07-01T07:00:00Z'));
    expect(schedule.overrides[0]?.end).toEqual(new Date('2025-07-01T15:30:00Z'));
  });

  it('accepts the Date objects a YAML 1.1 parser makes of unquoted dates and timestamps', () => {
    const overrides = [
      { user: 'U06FRANK', start: new Date('2025-03-30T00:00:00Z'), end: '2025-03-31 09:00' },
    ];
    const schedule = scheduleSchema.parse({ ...withLayer({ start: new Date('2025-01-06') }), overrides });
    expect(schedule.layers[0]?.start).toBe('2025-01-06');
    expect(schedule.overrides[0]?.start).toEqual(new Date('2025-03-30T00:00:00Z'));
  });

  it('lets overrides be left out', () => {
    const { overrides: _, ...withoutOverrides } = example;
    expect(scheduleSchema.parse(withoutOverrides).overrides).toEqual([]);
  });
});

describe('schedule config: rejected, naming the key and the problem', () => {
  it('an unknown timezone', () => {
    expect(problems({ ...example, timezone: 'Europe/Berln' })).toEqual([
      'timezone: timezone "Europe/Berln" is not a known IANA time zone (e.g. Europe/Berlin)',
    ]);
  });

  it('empty members', () => {
    expect(problems(withLayer({ members: [] }))).toEqual([
      'layers.0.members: members must list at least one user id',
    ]);
  });

  it.each(['9am', '9:00', '24:00', '09:60'])('handoff %j, which is not HH:MM', (handoff) => {
    expect(problems(withLayer({ handoff }))).toEqual([
      `layers.0.handoff: handoff must be a 24-hour HH:MM time like "09:00", got "${handoff}"`,
    ]);
  });

  it('an unquoted handoff that YAML 1.1 read as a number', () => {
    expect(problems(withLayer({ handoff: 540 }))).toEqual([
      'layers.0.handoff: handoff must be a quoted 24-hour "HH:MM" time, e.g. "09:00"',
    ]);
  });

  it('a custom rotation without a length', () => {
    expect(problems(withLayer({ rotation: 'custom' }))).toEqual([
      'layers.0.length: length is required for rotation: custom (e.g. 3d)',
    ]);
  });

  it('a custom length that is not a duration', () => {
    expect(problems(withLayer({ rotation: 'custom', length: '3 days' }))).toEqual([
      'layers.0.length: length: invalid duration "3 days": use e.g. 90s, 5m, 2h, 3d or 1h30m',
    ]);
  });

  it('a custom length of zero', () => {
    expect(problems(withLayer({ rotation: 'custom', length: '0d' }))).toEqual([
      'layers.0.length: length must be longer than zero, got "0d"',
    ]);
  });

  it('a length on a rotation that is not custom', () => {
    expect(problems(withLayer({ rotation: 'daily', length: '2d' }))).toEqual([
      'layers.0.length: length is only used with rotation: custom (rotation is daily)',
    ]);
  });

  it('handoff_day on a rotation that is not weekly', () => {
    expect(problems(withLayer({ rotation: 'daily', handoff_day: 'friday' }))).toEqual([
      'layers.0.handoff_day: handoff_day is only used with rotation: weekly (rotation is daily)',
    ]);
  });

  it('an unknown rotation', () => {
    expect(problems(withLayer({ rotation: 'monthly' }))).toEqual([
      'layers.0.rotation: rotation must be one of daily, weekly, custom',
    ]);
  });

  it('a start date that does not exist', () => {
    expect(problems(withLayer({ start: '2025-02-30' }))).toEqual([
      'layers.0.start: start must be a date written YYYY-MM-DD, got "2025-02-30"',
    ]);
  });

  it('a misspelt key', () => {
    const { handoff: _, ...rest } = primary;
    expect(problems({ ...example, layers: [{ ...rest, handof: '09:00' }] })).toEqual([
      'layers.0.handoff: handoff must be a quoted 24-hour "HH:MM" time, e.g. "09:00"',
      'layers.0: Unrecognized key: "handof"',
    ]);
  });

  it('a first layer that is not primary', () => {
    expect(problems({ ...example, layers: [{ ...primary, name: 'secondary' }], overrides: [] })).toEqual([
      'layers.0.name: the first layer must be named primary (a page goes to it first), got "secondary"',
    ]);
  });

  it('a layer name used twice', () => {
    expect(problems({ ...example, layers: [primary, primary] })).toEqual([
      'layers.1.name: layer name "primary" is used twice',
    ]);
  });

  it('an override for a layer the schedule does not have', () => {
    const overrides = [{ ...example.overrides[0], layer: 'tertiary' }];
    expect(problems({ ...example, overrides })).toEqual([
      'overrides.0.layer: layer "tertiary" is not a layer of this schedule (layers: primary, secondary)',
    ]);
  });

  it('an override that ends before it starts', () => {
    const overrides = [{ user: 'U06FRANK', start: '2025-03-31 09:00', end: '2025-03-31T06:00:00Z' }];
    expect(problems({ ...example, overrides })).toEqual(['overrides.0.end: end must be after start']);
  });

  it('an override time without an offset, which would be ambiguous', () => {
    const overrides = [{ user: 'U06FRANK', start: '2025-03-30T09:00', end: '2025-03-31 09:00' }];
    expect(problems({ ...example, overrides })).toEqual([
      'overrides.0.start: start must be an ISO time with an offset (2025-03-30T09:00:00+02:00) or ' +
        '"YYYY-MM-DD HH:MM" in the schedule\'s timezone, got "2025-03-30T09:00"',
    ]);
  });

  it('schedule ids used twice in the schedules list', () => {
    const result = schedulesSchema.safeParse([example, example]);
    expect(result.error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)).toEqual([
      '1.id: schedule id "platform-oncall" is used twice',
    ]);
  });
});
