import { DAY_MS } from '../core/policy/duration.ts';
import { instantAt } from '../core/time/local-time.ts';
import type { Schedule, ScheduleLayer, Weekday } from './schedule-schema.ts';

/**
 * Who is on call, as pure arithmetic over a validated schedule.
 *
 * Shift boundaries sit at the handoff wall-clock time in the schedule's zone, so a 09:00 handoff stays
 * at 09:00 local across DST and the shift containing the change is an hour shorter or longer in UTC.
 * A handoff in the skipped or repeated hour follows the DST rule of core/time/local-time.ts, the
 * same one notes and chat times use.
 * Overrides win over the rotation inside [start, end); when several overlap, the one listed last wins
 * (like a later line in a config file overriding an earlier one).
 */

export interface OnCall {
  userId: string;
  layer: string;
  /** Start of the stretch this user is continuously on call for in this layer. */
  shiftStart: Date;
  shiftEnd: Date;
  /** True when an override (not the rotation) puts this user on call at the asked instant. */
  override: boolean;
}

/** A layer name that the schedule does not have: a programming or config-wiring mistake. */
export class UnknownLayerError extends Error {
  readonly scheduleId: string;
  readonly layer: string;
  constructor(scheduleId: string, layer: string) {
    super(`schedule ${scheduleId} has no layer named ${JSON.stringify(layer)}`);
    this.name = 'UnknownLayerError';
    this.scheduleId = scheduleId;
    this.layer = layer;
  }
}

const MINUTE_MS = 60_000;
const WEEKDAY_INDEX: Record<Weekday, number> = {
  sunday: 0,
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
};

/** Layer names in escalation order: a page goes to the first (primary), an escalation to the next. */
export function layersOf(schedule: Schedule): string[] {
  return schedule.layers.map((layer) => layer.name);
}

/** The layer an escalation adds after `layerName`, or undefined when it is the last one. */
export function nextLayer(schedule: Schedule, layerName: string): string | undefined {
  const index = schedule.layers.findIndex((layer) => layer.name === layerName);
  if (index === -1) throw new UnknownLayerError(schedule.id, layerName);
  return schedule.layers[index + 1]?.name;
}

/**
 * Who is on call at `at`. Before the rotation's start (and outside any override) the answer is who is
 * on call when it starts, normally the first member, with shiftStart after `at`: a new schedule should
 * page someone rather than nobody, and that is who the config says will be on call.
 */
export function whoIsOnCall(schedule: Schedule, at: Date, layer = 'primary'): OnCall {
  const timeline = timelineOf(schedule, layer);
  return describe(stretchAt(timeline, at.getTime()), layer);
}

/**
 * The next stretch after the current one, with overrides applied. Usually that is a different person;
 * with a single-member rotation it is the same person's next shift.
 */
export function nextOnCall(schedule: Schedule, at: Date, layer = 'primary'): OnCall {
  const timeline = timelineOf(schedule, layer);
  const current = stretchAt(timeline, at.getTime());
  return describe(stretchAt(timeline, current.end), layer);
}

function dayNumberOf(date: string): number {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

// --- rotation ---------------------------------------------------------------------------------------

interface Rotation {
  members: string[];
  /** Instant shift k begins; shift k+1 begins when shift k ends. */
  boundary(k: number): number;
  /** Typical shift length, only used to jump close to the right shift before stepping exactly. */
  approxLengthMs: number;
}

function rotationOf(layer: ScheduleLayer, zone: string): Rotation {
  const [hours = 0, minutes = 0] = layer.handoff.split(':').map(Number);
  const handoffMs = (hours * 60 + minutes) * MINUTE_MS;
  const startDay = dayNumberOf(layer.start);
  const handoffOn = (day: number) => instantAt(day * DAY_MS + handoffMs, zone);
  const first = handoffOn(startDay);
  const base = { members: layer.members, approxLengthMs: layer.lengthMs };

  // Lengths that are not whole days (e.g. 12h) are absolute time: DST does not stretch them.
  if (layer.lengthMs % DAY_MS !== 0) {
    return { ...base, boundary: (k) => first + k * layer.lengthMs };
  }
  const days = layer.lengthMs / DAY_MS;
  // A weekly start that is not on the handoff day gives the first member a short first shift, up to
  // the first handoff day, so every later handoff falls on the configured weekday.
  const secondDay =
    layer.rotation === 'weekly'
      ? startDay + ((WEEKDAY_INDEX[layer.handoffDay] - weekdayOf(startDay) + 7) % 7 || 7)
      : startDay + days;
  // Each lookup probes the zone several times, and a query asks for the same few boundaries
  // repeatedly while it walks neighbouring segments.
  const cache = new Map<number, number>();
  const boundary = (k: number) => {
    if (k <= 0) return first;
    let instant = cache.get(k);
    if (instant === undefined) {
      instant = handoffOn(secondDay + (k - 1) * days);
      cache.set(k, instant);
    }
    return instant;
  };
  return { ...base, boundary };
}

function weekdayOf(dayNumber: number): number {
  return new Date(dayNumber * DAY_MS).getUTCDay();
}

/** Index of the rotation shift containing `instant`, which must not be before the rotation began. */
function shiftIndexAt(rotation: Rotation, instant: number): number {
  const second = rotation.boundary(1);
  if (instant < second) return 0;
  let k = 1 + Math.floor((instant - second) / rotation.approxLengthMs);
  while (k > 1 && rotation.boundary(k) > instant) k--;
  while (rotation.boundary(k + 1) <= instant) k++;
  return k;
}

// --- timeline: rotation with overrides cut in --------------------------------------------------------

interface Timeline {
  rotation: Rotation;
  overrides: { userId: string; start: number; end: number }[];
}

type Source =
  | { kind: 'override'; index: number }
  | { kind: 'rotation'; shift: number }
  | { kind: 'before-start' };

/** A maximal stretch with one source; only a before-start stretch can have an infinite start. */
interface Segment {
  source: Source;
  userId: string;
  start: number;
  end: number;
}

function timelineOf(schedule: Schedule, layerName: string): Timeline {
  const layer = schedule.layers.find((candidate) => candidate.name === layerName);
  if (layer === undefined) throw new UnknownLayerError(schedule.id, layerName);
  const overrides = schedule.overrides
    .filter((override) => override.layer === layerName)
    .map((override) => ({
      userId: override.user,
      start: override.start.getTime(),
      end: override.end.getTime(),
    }));
  return { rotation: rotationOf(layer, schedule.timezone), overrides };
}

function segmentAt(timeline: Timeline, instant: number): Segment {
  const { rotation, overrides } = timeline;
  const covers = (o: { start: number; end: number }) => o.start <= instant && instant < o.end;
  const index = overrides.findLastIndex(covers);
  const active = overrides[index];
  if (active !== undefined) {
    // Only overrides listed later can cut into this one.
    const later = overrides.slice(index + 1);
    const cutEnds = later.map((o) => o.end).filter((end) => end > active.start && end <= instant);
    const cutStarts = later.map((o) => o.start).filter((start) => start > instant && start < active.end);
    return {
      source: { kind: 'override', index },
      userId: active.userId,
      start: Math.max(active.start, ...cutEnds),
      end: Math.min(active.end, ...cutStarts),
    };
  }
  const first = rotation.boundary(0);
  const shift = instant < first ? undefined : shiftIndexAt(rotation, instant);
  const shiftStart = shift === undefined ? Number.NEGATIVE_INFINITY : rotation.boundary(shift);
  const shiftEnd = shift === undefined ? first : rotation.boundary(shift + 1);
  const resumedAt = overrides.map((o) => o.end).filter((end) => end > shiftStart && end <= instant);
  const takenOverAt = overrides.map((o) => o.start).filter((start) => start > instant && start < shiftEnd);
  return {
    source: shift === undefined ? { kind: 'before-start' } : { kind: 'rotation', shift },
    userId: shift === undefined ? '' : (rotation.members[shift % rotation.members.length] ?? ''),
    start: Math.max(shiftStart, ...resumedAt),
    end: Math.min(shiftEnd, ...takenOverAt),
  };
}

/** The merged stretch around `instant`; a gap before the rotation began is answered as of its start. */
function stretchAt(timeline: Timeline, instant: number): Segment {
  const segment = segmentAt(timeline, instant);
  const answered =
    segment.source.kind === 'before-start' ? segmentAt(timeline, timeline.rotation.boundary(0)) : segment;
  return mergedAround(timeline, answered);
}

/**
 * Joins neighbours of the same user across override edges (an override for the person already on
 * call, or one that runs into their own shift) so "on call until" is when they are actually off.
 * Plain rotation handoffs are never joined, which keeps a single-member rotation finite.
 */
function mergedAround(timeline: Timeline, segment: Segment): Segment {
  const joinable = (a: Segment, b: Segment) =>
    a.userId === b.userId &&
    a.source.kind !== 'before-start' &&
    b.source.kind !== 'before-start' &&
    (a.source.kind === 'override' || b.source.kind === 'override');
  let first = segment;
  let end = segment.end;
  for (let last = segment; ; ) {
    const next = segmentAt(timeline, end);
    if (!joinable(last, next)) break;
    last = next;
    end = next.end;
  }
  while (Number.isFinite(first.start)) {
    const previous = segmentAt(timeline, first.start - 1);
    if (!joinable(previous, first)) break;
    first = previous;
  }
  return { ...segment, start: first.start, end };
}

function describe(merged: Segment, layer: string): OnCall {
  return {
    userId: merged.userId,
    layer,
    shiftStart: new Date(merged.start),
    shiftEnd: new Date(merged.end),
    override: merged.source.kind === 'override',
  };
}
