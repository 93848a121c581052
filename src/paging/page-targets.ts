import { parseMention } from '../core/commands/mention.ts';
import { nextLayer, whoIsOnCall } from './oncall-schedule.ts';
import { CHAT_PAGER_ID } from './pager-config.ts';
import type { Schedule } from './schedule-schema.ts';

/**
 * What a page is addressed to, as written in config and in `/incident page`:
 * `@alice` / `<@U123>` (a person), `platform` or `platform:secondary` (a schedule, primary by
 * default), `ops-hook` (a configured pager).
 */
export type TargetSpec =
  | { kind: 'user'; id: string; name: string }
  | { kind: 'schedule'; id: string; layer: string }
  | { kind: 'pager'; id: string };

/** The pagers and schedules a target may name. */
export interface TargetDirectory {
  pagers: readonly { id: string }[];
  schedules: readonly Schedule[];
}

export function parseTarget(text: string, directory: TargetDirectory): TargetSpec | string {
  const trimmed = text.trim();
  const user = parseMention(trimmed);
  if (user) return { kind: 'user', id: user.id, name: user.name };
  const [id = '', layer, extra] = trimmed.split(':');
  const schedule = directory.schedules.find((candidate) => candidate.id === id);
  if (schedule && extra === undefined) {
    const layerName = layer ?? 'primary';
    if (schedule.layers.some((candidate) => candidate.name === layerName)) {
      return { kind: 'schedule', id, layer: layerName };
    }
    const names = schedule.layers.map((candidate) => candidate.name).join(', ');
    return `schedule "${id}" has no layer "${layerName}" (layers: ${names})`;
  }
  if (layer === undefined && directory.pagers.some((pager) => pager.id === id)) return { kind: 'pager', id };
  return `"${trimmed}" is not a pager, a schedule or a @user mention (${known(directory)})`;
}

function known(directory: TargetDirectory): string {
  const pagers = directory.pagers.map((pager) => pager.id);
  const schedules = directory.schedules.map((schedule) => schedule.id);
  return [
    pagers.length > 0 ? `pagers: ${pagers.join(', ')}` : 'no pagers are configured',
    schedules.length > 0 ? `schedules: ${schedules.join(', ')}` : 'no schedules are configured',
  ].join('; ');
}

export function targetText(spec: TargetSpec): string {
  if (spec.kind === 'user') return `<@${spec.id}|${spec.name}>`;
  if (spec.kind === 'schedule') return spec.layer === 'primary' ? spec.id : `${spec.id}:${spec.layer}`;
  return spec.id;
}

/** A target resolved at the moment of paging: a schedule becomes whoever is on call right then. */
export interface PageRecipient {
  target: string;
  targetKind: 'user' | 'schedule' | 'pager';
  pager: string;
  user?: string;
  layer?: string;
  /** How people read it: `platform primary (@alice)`. */
  label: string;
}

export function resolveRecipient(spec: TargetSpec, schedules: readonly Schedule[], at: Date): PageRecipient {
  if (spec.kind === 'user') {
    return {
      target: spec.id,
      targetKind: 'user',
      pager: CHAT_PAGER_ID,
      user: spec.id,
      label: `@${spec.name}`,
    };
  }
  if (spec.kind === 'pager') return { target: spec.id, targetKind: 'pager', pager: spec.id, label: spec.id };
  const schedule = scheduleById(schedules, spec.id);
  const onCall = whoIsOnCall(schedule, at, spec.layer);
  return {
    target: spec.id,
    targetKind: 'schedule',
    pager: CHAT_PAGER_ID,
    user: onCall.userId,
    layer: spec.layer,
    label: `${spec.id} ${spec.layer} (@${onCall.userId})`,
  };
}

/** The targets of `escalate_if_unacked`: the same ones, plus the next layer of every schedule. */
export function withNextLayers(specs: readonly TargetSpec[], schedules: readonly Schedule[]): TargetSpec[] {
  const out = [...specs];
  for (const spec of specs) {
    if (spec.kind !== 'schedule') continue;
    const next = nextLayer(scheduleById(schedules, spec.id), spec.layer);
    if (next && !out.some((o) => o.kind === 'schedule' && o.id === spec.id && o.layer === next)) {
      out.push({ kind: 'schedule', id: spec.id, layer: next });
    }
  }
  return out;
}

function scheduleById(schedules: readonly Schedule[], id: string): Schedule {
  const schedule = schedules.find((candidate) => candidate.id === id);
  if (!schedule) throw new Error(`schedule ${id} is not configured`);
  return schedule;
}
