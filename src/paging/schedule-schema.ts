import { z } from 'zod';
import { DAY_MS, InvalidDurationError, parseDuration } from '../core/policy/duration.ts';
import { instantOf } from '../core/time/local-time.ts';

/**
 * An on-call schedule as written under `schedules:` in the YAML config. Parsing also normalises it:
 * rotation lengths become milliseconds and override times become instants, so the arithmetic in
 * oncall-schedule.ts never has to re-read config text. Messages name the key, because the person
 * reading them is editing YAML.
 */

export const WEEKDAYS = [
  'sunday',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const HANDOFF_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL_TIME_PATTERN = /^(\d{4}-\d{2}-\d{2}) (([01]\d|2[0-3]):[0-5]\d)$/;
const ISO_WITH_OFFSET_PATTERN =
  /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,3})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Rejects dates such as 2025-02-30, which Date.UTC would quietly roll over into March. */
function isCalendarDate(text: string): boolean {
  const match = DATE_PATTERN.exec(text);
  if (match === null) return false;
  const [, year, month, day] = match.map(Number);
  const date = new Date(Date.UTC(year ?? 0, (month ?? 0) - 1, day ?? 0));
  return date.getUTCFullYear() === year && date.getUTCMonth() + 1 === month && date.getUTCDate() === day;
}

/** Epoch ms for an override time, or undefined when it is not one of the two accepted forms. */
function overrideInstant(text: string, zone: string): number | undefined {
  const iso = ISO_WITH_OFFSET_PATTERN.exec(text);
  if (iso !== null) return isCalendarDate(iso[1] ?? '') ? Date.parse(text) : undefined;
  const local = LOCAL_TIME_PATTERN.exec(text);
  if (local === null || !isCalendarDate(local[1] ?? '')) return undefined;
  return isKnownTimeZone(zone) ? instantOf(local[1] ?? '', local[2] ?? '', zone) : undefined;
}

// YAML 1.1 parsers turn unquoted dates and timestamps into Date objects; accept them as their ISO text.
const dateText = (key: string) =>
  z.preprocess(
    (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value),
    z.string({ error: `${key} must be a date written YYYY-MM-DD` }).refine(isCalendarDate, {
      error: (issue) => `${key} must be a date written YYYY-MM-DD, got ${show(issue.input)}`,
    }),
  );

const overrideTimeText = (key: string) =>
  z.preprocess(
    (value) => (value instanceof Date ? value.toISOString() : value),
    z
      .string({ error: `${key} must be a time such as 2025-03-30T09:00:00+02:00 or "2025-03-30 09:00"` })
      .refine((text) => ISO_WITH_OFFSET_PATTERN.test(text) || LOCAL_TIME_PATTERN.test(text), {
        error: (issue) =>
          `${key} must be an ISO time with an offset (2025-03-30T09:00:00+02:00) or "YYYY-MM-DD HH:MM" ` +
          `in the schedule's timezone, got ${show(issue.input)}`,
      }),
  );

function show(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

const userId = (key: string) =>
  z.string({ error: `${key} must be a user id` }).min(1, `${key} must not be empty`);

export const scheduleLayerSchema = z
  .strictObject({
    name: z.string({ error: 'name must be a layer name such as primary' }).min(1, 'name must not be empty'),
    rotation: z.enum(['daily', 'weekly', 'custom'], {
      error: 'rotation must be one of daily, weekly, custom',
    }),
    length: z.string({ error: 'length must be a duration such as 3d or 12h' }).optional(),
    // Unquoted 09:00 is a base-60 number to YAML 1.1 parsers, hence the hint to quote it.
    handoff: z
      .string({ error: 'handoff must be a quoted 24-hour "HH:MM" time, e.g. "09:00"' })
      .regex(HANDOFF_PATTERN, {
        error: (issue) => `handoff must be a 24-hour HH:MM time like "09:00", got ${show(issue.input)}`,
      }),
    handoff_day: z
      .enum(WEEKDAYS, { error: `handoff_day must be a weekday name: ${WEEKDAYS.join(', ')}` })
      .optional(),
    start: dateText('start'),
    members: z
      .array(userId('members entry'), { error: 'members must be a list of user ids' })
      .min(1, 'members must list at least one user id'),
  })
  .superRefine((layer, ctx) => {
    if (layer.rotation === 'custom') {
      if (layer.length === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['length'],
          message: 'length is required for rotation: custom (e.g. 3d)',
        });
      } else {
        const problem = customLengthProblem(layer.length);
        if (problem !== undefined) ctx.addIssue({ code: 'custom', path: ['length'], message: problem });
      }
    } else if (layer.length !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['length'],
        message: `length is only used with rotation: custom (rotation is ${layer.rotation})`,
      });
    }
    if (layer.handoff_day !== undefined && layer.rotation !== 'weekly') {
      ctx.addIssue({
        code: 'custom',
        path: ['handoff_day'],
        message: `handoff_day is only used with rotation: weekly (rotation is ${layer.rotation})`,
      });
    }
  })
  .transform((layer) => ({
    name: layer.name,
    rotation: layer.rotation,
    /** Shift length in ms; whole days are counted on the wall clock, anything else in absolute time. */
    lengthMs: lengthMsOf(layer.rotation, layer.length),
    handoff: layer.handoff,
    /** Only meaningful for weekly rotations. */
    handoffDay: layer.handoff_day ?? ('monday' as Weekday),
    start: layer.start,
    members: layer.members,
  }));

function customLengthProblem(length: string): string | undefined {
  try {
    if (parseDuration(length) <= 0) return `length must be longer than zero, got ${show(length)}`;
    return undefined;
  } catch (error) {
    if (error instanceof InvalidDurationError) return `length: ${error.message}`;
    throw error;
  }
}

function lengthMsOf(rotation: 'daily' | 'weekly' | 'custom', length: string | undefined): number {
  if (rotation === 'daily') return DAY_MS;
  if (rotation === 'weekly') return 7 * DAY_MS;
  return parseDuration(length ?? '');
}

export const scheduleOverrideSchema = z.strictObject({
  layer: z
    .string({ error: 'layer must be a layer name' })
    .min(1, 'layer must not be empty')
    .default('primary'),
  user: userId('user'),
  start: overrideTimeText('start'),
  end: overrideTimeText('end'),
});

export const scheduleSchema = z
  .strictObject({
    id: z
      .string({ error: 'id must be a schedule id' })
      .regex(
        /^[A-Za-z0-9][A-Za-z0-9_-]*$/,
        'id must be letters, digits, - and _ (it is typed in /incident oncall)',
      ),
    timezone: z
      .string({ error: 'timezone must be an IANA time zone such as Europe/Berlin' })
      .refine(isKnownTimeZone, {
        error: (issue) => `timezone ${show(issue.input)} is not a known IANA time zone (e.g. Europe/Berlin)`,
      }),
    layers: z
      .array(scheduleLayerSchema, { error: 'layers must be a list' })
      .min(1, 'layers must list at least one layer, starting with primary'),
    overrides: z.array(scheduleOverrideSchema, { error: 'overrides must be a list' }).default([]),
  })
  // Runs even when fields above failed, so every check guards against values that did not validate.
  .superRefine((schedule, ctx) => {
    const layers = Array.isArray(schedule.layers) ? schedule.layers : [];
    const overrides = Array.isArray(schedule.overrides) ? schedule.overrides : [];
    const names = layers.map((layer) => layer.name);
    if (names[0] !== undefined && names[0] !== 'primary') {
      ctx.addIssue({
        code: 'custom',
        path: ['layers', 0, 'name'],
        message: `the first layer must be named primary (a page goes to it first), got ${show(names[0])}`,
      });
    }
    names.forEach((name, index) => {
      if (names.indexOf(name) !== index) {
        ctx.addIssue({
          code: 'custom',
          path: ['layers', index, 'name'],
          message: `layer name ${show(name)} is used twice`,
        });
      }
    });
    overrides.forEach((override, index) => {
      if (typeof override.layer === 'string' && !names.includes(override.layer)) {
        ctx.addIssue({
          code: 'custom',
          path: ['overrides', index, 'layer'],
          message: `layer ${show(override.layer)} is not a layer of this schedule (layers: ${names.join(', ')})`,
        });
      }
      if (typeof override.start !== 'string' || typeof override.end !== 'string') return;
      const start = overrideInstant(override.start, schedule.timezone);
      const end = overrideInstant(override.end, schedule.timezone);
      if (start !== undefined && end !== undefined && end <= start) {
        ctx.addIssue({
          code: 'custom',
          path: ['overrides', index, 'end'],
          message: 'end must be after start',
        });
      }
    });
  })
  .transform((schedule) => ({
    id: schedule.id,
    timezone: schedule.timezone,
    layers: schedule.layers,
    overrides: schedule.overrides.map((override) => ({
      layer: override.layer,
      user: override.user,
      start: new Date(overrideInstant(override.start, schedule.timezone) ?? Number.NaN),
      end: new Date(overrideInstant(override.end, schedule.timezone) ?? Number.NaN),
    })),
  }));

/** The `schedules:` list; ids must be unique because `/incident oncall <id>` looks them up. */
export const schedulesSchema = z.array(scheduleSchema).superRefine((schedules, ctx) => {
  const ids = schedules.map((schedule) => schedule.id);
  ids.forEach((id, index) => {
    if (ids.indexOf(id) !== index) {
      ctx.addIssue({ code: 'custom', path: [index, 'id'], message: `schedule id ${show(id)} is used twice` });
    }
  });
});

/** The schedule as written in YAML (before defaults and normalisation). */
export type ScheduleInput = z.input<typeof scheduleSchema>;
/** A validated schedule, as the on-call arithmetic uses it. */
export type Schedule = z.output<typeof scheduleSchema>;
export type ScheduleLayer = Schedule['layers'][number];
export type ScheduleOverride = Schedule['overrides'][number];
