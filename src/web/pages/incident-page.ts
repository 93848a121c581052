import type { StoredEvent } from '../../core/model/events.ts';
import { incidentLabel } from '../../core/model/incident-ref.ts';
import { commanderOf, type IncidentState } from '../../core/model/incident-state.ts';
import { formatClock } from '../../core/time/format-time.ts';
import { TimelineBuilder, type TimelineEntry } from '../../core/timeline/build-timeline.ts';
import type { IncidentStore } from '../../ports/incident-store.ts';

export const TIMELINE_PAGE_SIZE = 200;

export type Generated = Extract<StoredEvent, { type: 'postmortem_generated' }>;

export interface TimelineRow {
  at: string;
  atText: string;
  kind: string;
  author: string;
  text: string;
}

export interface IncidentView {
  number: number;
  label: string;
  title: string;
  description: string;
  severity: string;
  status: string;
  private: boolean;
  started: string;
  resolved: string;
  resolveSummary: string;
  commander: string;
  roles: { role: string; name: string }[];
  channel?: { name: string; url?: string };
  pages: { target: string; kind: string; paged: string; acknowledged: string }[];
  actions: { id: string; text: string; owner: string; due: string; priority: string; status: string }[];
  timeline: TimelineRow[];
  timelinePage: number;
  timelinePages: number;
  timelineTotal: number;
  /** The stream id the page was rendered at: the live stream goes on from there. */
  lastEventId: string;
  drafts: { template: string; written: string }[];
}

export function timelineRow(entry: TimelineEntry, timeZone: string): TimelineRow {
  return {
    at: entry.at,
    atText: formatClock(entry.at, timeZone, true),
    kind: entry.kind,
    author: entry.author.name,
    text: entry.text,
  };
}

/**
 * The incident page from one pass over its log: the timeline view (one page of it, the latest by
 * default, since that is where a live incident grows) and the drafts recorded so far.
 */
export async function incidentView(
  store: IncidentStore,
  state: IncidentState,
  options: { page: number | undefined; timeZone: string; templates: readonly string[] },
): Promise<IncidentView> {
  const builder = new TimelineBuilder();
  const written = new Map<string, Generated>();
  let lastEventId = state.lastEventId;
  for await (const page of store.scan(state.ref)) {
    for (const event of page) {
      builder.add(event);
      if (event.type === 'postmortem_generated') written.set(event.template, event);
      lastEventId = event.id;
    }
  }
  const entries = builder.build();
  const timelinePages = Math.max(1, Math.ceil(entries.length / TIMELINE_PAGE_SIZE));
  const timelinePage = Math.min(Math.max(1, options.page ?? timelinePages), timelinePages);
  const { timeZone } = options;
  return {
    number: state.number,
    label: incidentLabel(state.number),
    title: state.title,
    description: state.description ?? '',
    severity: state.severity,
    status: state.status,
    private: state.private === true,
    started: formatClock(state.declaredAt, timeZone, true),
    resolved: state.resolvedAt ? formatClock(state.resolvedAt, timeZone, true) : '',
    resolveSummary: state.resolveSummary ?? '',
    commander: commanderOf(state).name,
    roles: Object.entries(state.roles).flatMap(([role, holder]) =>
      holder ? [{ role, name: holder.name }] : [],
    ),
    ...(state.channel ? { channel: channelLink(state.channel) } : {}),
    pages: state.pages.map((page) => ({
      target: page.target,
      kind: page.targetKind,
      paged: formatClock(page.pagedAt, timeZone, true),
      acknowledged: page.acknowledgedAt ? formatClock(page.acknowledgedAt, timeZone, true) : '',
    })),
    actions: state.actionItems.map((item) => ({
      id: item.itemId,
      text: item.text,
      owner: item.owner?.name ?? '',
      due: item.due ?? '',
      priority: item.priority,
      status: item.done ? 'done' : 'open',
    })),
    timeline: entries
      .slice((timelinePage - 1) * TIMELINE_PAGE_SIZE, timelinePage * TIMELINE_PAGE_SIZE)
      .map((entry) => timelineRow(entry, timeZone)),
    timelinePage,
    timelinePages,
    timelineTotal: entries.length,
    lastEventId,
    drafts: options.templates.map((template) => {
      const generated = written.get(template);
      return { template, written: generated ? formatClock(generated.at, timeZone, true) : '' };
    }),
  };
}

/** The latest recorded draft of a template, if `/incident postmortem` wrote one. */
export async function latestDraftEvent(
  store: IncidentStore,
  state: IncidentState,
  template: string,
): Promise<Generated | undefined> {
  let latest: Generated | undefined;
  for await (const page of store.scan(state.ref)) {
    for (const event of page) {
      if (event.type === 'postmortem_generated' && event.template === template) latest = event;
    }
  }
  return latest;
}

/** Only a web address becomes a link: whatever else a platform stored is shown as text. */
function channelLink(channel: { name: string; url?: string }): { name: string; url?: string } {
  return channel.url && /^https?:\/\//i.test(channel.url)
    ? { name: channel.name, url: channel.url }
    : { name: channel.name };
}
