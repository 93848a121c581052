import { SystemError } from '../core/errors.ts';
import { isChatter, type StoredEvent } from '../core/model/events.ts';
import { type IncidentRef, incidentKey, incidentLabel } from '../core/model/incident-ref.ts';
import { commanderOf, foldIncident, type IncidentState } from '../core/model/incident-state.ts';
import { TimelineBuilder } from '../core/timeline/build-timeline.ts';
import type { Redactor } from '../redaction/redact-secrets.ts';
import { IncidentFactCollector } from './collect-incident-facts.ts';
import { DraftChangeTracker, type PreviousDraft } from './draft-changes.ts';
import { crossesMidnight, DraftMoments, spanBetween } from './draft-moments.ts';
import { DraftRedactor } from './draft-redactor.ts';
import { ParticipantTally } from './participant-stats.ts';
import type { PostmortemModel } from './postmortem-model.ts';
import { PublicText } from './public-text.ts';
import { buildPublicView } from './public-view.ts';
import { buildPrompts } from './section-prompts.ts';
import { EntrySuggester } from './suggest-entries.ts';
import { buildTimelineRows, dedupeEntries } from './timeline-rows.ts';
import { TranscriptAppendix } from './transcript-appendix.ts';

export interface PostmortemModelOptions {
  /** The workspace's IANA zone; `UTC` shows UTC only. */
  timeZone: string;
  now: Date;
  redactor: Redactor;
  includeTranscript: boolean;
  /** At most this many suggested entries; the strongest are kept. */
  maxSuggestions?: number;
}

export interface PostmortemBuild {
  model: PostmortemModel;
  /** The last draft the log remembers, to say what changed since. */
  previousDraft?: PreviousDraft;
}

const DEFAULT_MAX_SUGGESTIONS = 50;

type PageSource = AsyncIterable<readonly StoredEvent[]> | Iterable<readonly StoredEvent[]>;

/**
 * Builds a draft's model from an incident's log, page by page (`store.scan`): the log streams
 * through folds and collectors once, and only what the draft shows is kept.
 */
export async function buildPostmortemModel(
  ref: IncidentRef,
  log: PageSource,
  options: PostmortemModelOptions,
): Promise<PostmortemBuild> {
  const timeline = new TimelineBuilder();
  const collected = new IncidentFactCollector();
  const drafts = new DraftChangeTracker();
  let state: IncidentState | undefined;
  for await (const page of log) {
    // Chatter only moves the state's message count, which the draft takes from the messages
    // themselves; folding the commands alone spares a state copy per captured message.
    state = foldIncident(
      ref,
      page.filter((event) => !isChatter(event.type)),
      state,
    );
    for (const event of page) {
      timeline.add(event);
      collected.add(event);
      drafts.add(event);
    }
  }
  if (!state) throw new SystemError('incident_missing', `${incidentLabel(ref.number)} has no log`);

  const { timeZone } = options;
  const explicit = dedupeEntries(timeline.build());
  const suggester = new EntrySuggester(explicit, timeZone, options.maxSuggestions ?? DEFAULT_MAX_SUGGESTIONS);
  const tally = new ParticipantTally();
  const transcript = options.includeTranscript ? new TranscriptAppendix() : undefined;
  for (const message of timeline.capturedMessages()) {
    suggester.consider(message);
    tally.countMessage(message);
    transcript?.add(message);
  }
  for (const { actor, count } of collected.commandsBy.values()) tally.countCommands(actor, count);
  const suggested = suggester.result();

  const instants = [
    state.declaredAt,
    ...[explicit, suggested.entries].flatMap((list) => [list[0]?.at, list.at(-1)?.at]),
  ];
  const bounds = transcript?.bounds();
  if (bounds) instants.push(bounds.earliest, bounds.latest);
  const sorted = instants
    .filter((iso): iso is string => iso !== undefined)
    .sort((a, b) => Date.parse(a) - Date.parse(b));
  const midnight = crossesMidnight(sorted[0] as string, sorted.at(-1) as string, timeZone);
  const moments = new DraftMoments(timeZone, state.declaredAt, midnight);
  const redact = new DraftRedactor(options.redactor);
  const moment = (iso: string) => moments.moment(iso);
  const optionalMoment = (iso: string | undefined) => (iso === undefined ? undefined : moment(iso));

  const rows = buildTimelineRows(explicit, suggested.entries, moments, redact);
  const declared = moment(state.declaredAt);
  const firstEntryIso =
    rows.timeline[0] && rows.timeline[0].at < declared.iso ? rows.timeline[0].at : declared.iso;
  const times: PostmortemModel['times'] = {
    declared,
    firstEntry: moment(firstEntryIso),
    asOf: moment(collected.lastAt || state.declaredAt),
    ...defined('firstAcknowledged', optionalMoment(state.firstAcknowledgedAt)),
    ...defined('mitigated', optionalMoment(state.mitigatedAt)),
    ...defined('resolved', optionalMoment(state.resolvedAt)),
  };
  const since = (iso: string | undefined) =>
    iso === undefined ? undefined : spanBetween(state.declaredAt, iso);
  const durations: PostmortemModel['durations'] = {
    ...defined('toAcknowledge', since(state.firstAcknowledgedAt)),
    ...defined('toMitigate', since(state.mitigatedAt)),
    ...defined('toResolve', since(state.resolvedAt)),
    ...defined(
      'total',
      state.resolvedAt === undefined ? undefined : spanBetween(firstEntryIso, state.resolvedAt),
    ),
  };

  const severityHistory = collected.severityHistory.map((change) => ({
    at: moment(change.at),
    severity: change.severity,
    automatic: change.automatic,
    by: redact.actor(change.by),
    ...defined('from', change.from),
    ...defined('reason', redact.optional(change.reason)),
  }));
  const roleHistory = collected.roleHistory.map((assignment) => ({
    at: moment(assignment.at),
    role: assignment.role,
    person: redact.actor(assignment.person),
    by: redact.actor(assignment.by),
  }));
  const statusUpdates = collected.statusUpdates.map((update) => ({
    at: moment(update.at),
    relative: moments.relative(update.at),
    status: update.status,
    message: redact.text(update.message),
    author: redact.actor(update.author),
  }));
  const actionItems = collected.actionItems.map((item) => ({
    id: item.id,
    text: redact.text(item.text),
    priority: item.priority,
    status: item.doneAt ? ('done' as const) : ('open' as const),
    ...defined('doneAt', optionalMoment(item.doneAt)),
    createdAt: moment(item.at),
    author: redact.actor(item.author),
    ...defined('owner', item.owner && redact.actor(item.owner)),
    ...defined('due', item.due),
    tickets: item.tickets,
  }));
  const pages = state.pages.map((page) => ({
    target: redact.text(page.target),
    targetKind: page.targetKind,
    at: moment(page.pagedAt),
    ...defined('message', redact.optional(collected.pageMessages.get(page.pageId))),
    ...defined('acknowledged', optionalMoment(page.acknowledgedAt)),
    ...defined(
      'toAcknowledge',
      page.acknowledgedAt === undefined ? undefined : spanBetween(page.pagedAt, page.acknowledgedAt),
    ),
  }));
  const resolutions = collected.resolutions.map((resolution) => ({
    at: moment(resolution.at),
    by: redact.actor(resolution.by),
    ...defined('summary', redact.optional(resolution.summary)),
    ...defined('reopened', optionalMoment(resolution.reopenedAt)),
  }));
  const participants = tally.participants(collected.roleHistory, redact);
  const title = redact.text(state.title);
  const commander = redact.actor(commanderOf(state));
  const declaredBy = redact.actor(state.declaredBy);

  const prompts = buildPrompts({
    timeline: rows.timeline,
    suggestions: rows.suggestions,
    statusUpdates,
    resolutions,
    pages,
    severityHistory,
    escalations: collected.escalations.map((e) => ({
      at: moment(e.at),
      text: redact.text(`escalated (step ${e.step}) to ${e.targets.join(', ')}: ${e.reason}`),
    })),
    pageFailures: collected.pageFailures.map((f) => ({
      at: moment(f.at),
      text: redact.text(`page through ${f.pager} failed: ${f.reason}`),
    })),
    times,
    durations,
    declaredBy: declaredBy.name,
    reopenCount: state.reopenCount,
  });
  const scrubber = new PublicText([
    ...participants.map((p) => p.person.name),
    ...pages.filter((page) => page.targetKind === 'user').map((page) => page.target),
  ]);
  const transcriptLines = transcript?.lines(moments, redact);

  const model: PostmortemModel = {
    incident: {
      key: incidentKey(ref),
      label: incidentLabel(state.number),
      number: state.number,
      title,
      ...defined('description', redact.optional(state.description)),
      severity: state.severity,
      severityHistory,
      status: state.status,
      resolved: state.status === 'resolved',
      reopenCount: state.reopenCount,
      declaredBy,
      commander,
      roles: Object.fromEntries(
        Object.entries(state.roles).map(([role, person]) => [role, redact.actor(person)]),
      ),
      roleHistory,
      ...defined(
        'channel',
        state.channel && {
          name: redact.text(state.channel.name),
          ...defined('url', redact.optional(state.channel.url)),
        },
      ),
    },
    times,
    durations,
    participants,
    timeline: rows.timeline,
    suggestions: rows.suggestions,
    fullTimeline: rows.full,
    statusUpdates,
    actionItems,
    actionItemsByPriority: (['high', 'medium', 'low'] as const)
      .map((priority) => ({
        priority,
        label: `${priority[0]?.toUpperCase()}${priority.slice(1)} priority`,
        items: actionItems.filter((item) => item.priority === priority),
      }))
      .filter((group) => group.items.length > 0),
    promotedMessages: rows.timeline.filter((row) => row.kind === 'message'),
    pages,
    resolutions,
    ...defined('resolveSummary', redact.optional(state.resolveSummary)),
    prompts,
    statistics: {
      messages: {
        captured: tally.captured,
        deleted: tally.deleted,
        edited: tally.edited,
        promoted: tally.promoted,
      },
      participants: participants.length,
      timelineEntries: rows.timeline.length,
      suggestions: { found: suggested.found, shown: rows.suggestions.length },
      notes: collected.notes,
      statusUpdates: statusUpdates.length,
      severityChanges: severityHistory.length - 1,
      pages: pages.length,
      acknowledgedPages: pages.filter((page) => page.acknowledged).length,
      escalations: collected.escalations.length,
      pageFailures: collected.pageFailures.length,
      actionItems: actionItems.length,
      reopens: state.reopenCount,
      secretsRedacted: 0,
    },
    ...defined('transcript', transcriptLines),
    public: buildPublicView({
      title,
      started: times.firstEntry,
      ...defined('ended', times.resolved),
      ...defined('duration', durations.total),
      statusUpdates,
      resolutions,
      actionItems,
      scrubber,
    }),
    timeZone,
    crossesMidnight: midnight,
    generatedAt: options.now.toISOString(),
  };
  model.statistics.secretsRedacted = redact.count;
  return { model, ...defined('previousDraft', drafts.last) };
}

/** `{ key: value }`, or nothing when the value is undefined (exactOptionalPropertyTypes). */
function defined<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
