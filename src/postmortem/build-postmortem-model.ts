import type { Actor } from '../core/model/events.ts';
import { type IncidentRef, incidentLabel } from '../core/model/incident-ref.ts';
import { commanderOf, foldIncident, type IncidentState } from '../core/model/incident-state.ts';
import { formatClock, formatDuration } from '../core/time/format-time.ts';
import { TimelineBuilder, type TimelineEntry } from '../core/timeline/build-timeline.ts';
import type { IncidentStore } from '../ports/incident-store.ts';

export interface PostmortemTimelineEntry extends TimelineEntry {
  /** `15:23 UTC` (plus local time when a workspace zone is set; with the date when the incident spans days). */
  time: string;
  /** Minutes since declaration, `T+12`; negative for what happened before it. */
  relative: string;
}

/** The data every template receives. Documented in templates/README.md. */
export interface PostmortemModel {
  incident: {
    key: string;
    label: string;
    number: number;
    title: string;
    severity: string;
    status: string;
    declaredBy: Actor;
    commander: Actor;
    roles: Record<string, Actor>;
    channel?: string;
  };
  times: { declared: string; firstAcknowledged?: string; mitigated?: string; resolved?: string };
  durations: { toAcknowledge?: string; toMitigate?: string; toResolve?: string };
  timeline: PostmortemTimelineEntry[];
  resolveSummary?: string;
  generatedAt: string;
  timeZone: string;
}

export async function buildPostmortemModel(
  store: IncidentStore,
  ref: IncidentRef,
  options: { timeZone: string; now: Date },
): Promise<PostmortemModel> {
  const builder = new TimelineBuilder();
  let state: IncidentState | undefined;
  for await (const page of store.scan(ref)) {
    state = foldIncident(ref, page, state);
    for (const event of page) builder.add(event);
  }
  if (!state) throw new Error(`${incidentLabel(ref.number)} has no log`);
  const entries = builder.build();
  const declared = Date.parse(state.declaredAt);
  const days = new Set(entries.map((entry) => entry.at.slice(0, 10)));
  const since = (iso: string | undefined) =>
    iso === undefined ? undefined : formatDuration(Date.parse(iso) - declared);
  return {
    incident: {
      key: `${ref.platform}:${ref.workspace}:${incidentLabel(ref.number)}`,
      label: incidentLabel(ref.number),
      number: state.number,
      title: state.title,
      severity: state.severity,
      status: state.status,
      declaredBy: state.declaredBy,
      commander: commanderOf(state),
      roles: { ...state.roles },
      ...(state.channel ? { channel: state.channel.name } : {}),
    },
    times: compact({
      declared: state.declaredAt,
      firstAcknowledged: state.firstAcknowledgedAt,
      mitigated: state.mitigatedAt,
      resolved: state.resolvedAt,
    }) as PostmortemModel['times'],
    durations: compact({
      toAcknowledge: since(state.firstAcknowledgedAt),
      toMitigate: since(state.mitigatedAt),
      toResolve: since(state.resolvedAt),
    }),
    timeline: entries.map((entry) => ({
      ...entry,
      time: formatClock(entry.at, options.timeZone, days.size > 1),
      relative: relativeMinutes(Date.parse(entry.at) - declared),
    })),
    ...(state.resolveSummary === undefined ? {} : { resolveSummary: state.resolveSummary }),
    generatedAt: options.now.toISOString(),
    timeZone: options.timeZone,
  };
}

function relativeMinutes(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  return minutes < 0 ? `T${minutes}` : `T+${minutes}`;
}

function compact<T extends Record<string, string | undefined>>(record: T): { [K in keyof T]?: string } {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as {
    [K in keyof T]?: string;
  };
}
