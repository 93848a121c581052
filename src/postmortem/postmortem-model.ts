import type { Actor, IncidentStatus, Priority, Role, TicketRef } from '../core/model/events.ts';
import type { Severity } from '../core/model/severity.ts';
import type { TimelineKind } from '../core/timeline/build-timeline.ts';

/*
 * The data every postmortem template receives as `it`. templates/README.md documents it for
 * template authors; keep the two in step. Every piece of text people typed has already been
 * redacted; Markdown escaping happens at render time (`<%= %>` escapes, `it.md` has helpers).
 */

/** An instant as a draft shows it. */
export interface Moment {
  /** ISO-8601 UTC, `2025-11-20T15:23:00.000Z`. */
  iso: string;
  /** UTC date, `2025-11-20`. */
  date: string;
  /** UTC time of day, `15:23`. */
  clock: string;
  /** Time of day in the workspace zone, `16:23 CET`; absent when the workspace runs on UTC. */
  local?: string;
  /** `15:23 UTC (16:23 CET)`, with dates when the incident crosses midnight. */
  text: string;
  /** Always dated: `2025-11-20 15:23 UTC (2025-11-20 16:23 CET)`. */
  full: string;
}

/** A length of time. */
export interface Span {
  minutes: number;
  /** `1h 12m`, `3m`, `2d 4h`. */
  text: string;
  /** `01:12`, hours may pass 24. */
  hhmm: string;
}

/** Why a captured message was proposed as a timeline line. */
export type SuggestionSignal =
  | 'clock-time'
  | 'deployed'
  | 'rolled-back'
  | 'restarted'
  | 'failed-over'
  | 'root-cause'
  | 'mitigated'
  | 'detected'
  | 'escalated'
  | 'identified'
  | 'changed'
  | 'restored'
  | 'alert-link'
  | 'dashboard-link';

export interface TimelineRow {
  /** ISO-8601 UTC of when it happened (a backdated note's own time, not when it was typed). */
  at: string;
  /** Same as `moment.text`. */
  time: string;
  moment: Moment;
  /** Minutes since declaration: `T+05`, `T-10` for what happened before it. */
  relative: string;
  kind: TimelineKind;
  author: Actor;
  text: string;
  permalink?: string;
  messageId?: string;
  /** True for lines proposed from chat that a person has not confirmed. */
  suggested: boolean;
  /** For suggestions: what made the message stand out. Empty otherwise. */
  signals: SuggestionSignal[];
}

export interface SeverityChange {
  at: Moment;
  severity: Severity;
  /** Absent for the severity the incident was declared with. */
  from?: Severity;
  reason?: string;
  automatic: boolean;
  by: Actor;
}

export interface RoleAssignment {
  at: Moment;
  role: Role;
  person: Actor;
  by: Actor;
}

export interface StatusUpdate {
  at: Moment;
  relative: string;
  status: IncidentStatus;
  message: string;
  author: Actor;
}

export interface ActionItem {
  id: string;
  text: string;
  owner?: Actor;
  /** `YYYY-MM-DD` as typed. */
  due?: string;
  priority: Priority;
  /** Open until `/incident action done <n>`; `doneAt` says when. */
  status: 'open' | 'done';
  doneAt?: Moment;
  createdAt: Moment;
  author: Actor;
  /** The GitHub / Jira tickets it was exported to (`/incident action export`). */
  tickets: TicketRef[];
}

export interface ActionItemGroup {
  priority: Priority;
  /** `High priority`. */
  label: string;
  items: ActionItem[];
}

export interface PageRecord {
  target: string;
  targetKind: 'user' | 'schedule' | 'pager';
  at: Moment;
  message?: string;
  acknowledged?: Moment;
  toAcknowledge?: Span;
}

export interface Resolution {
  at: Moment;
  by: Actor;
  summary?: string;
  /** When it was reopened afterwards, if it was. */
  reopened?: Moment;
}

export interface Participant {
  person: Actor;
  /** Captured chat messages that still exist (deleted ones are not counted). */
  messages: number;
  /** Commands they ran: notes, status updates, pages, action items… */
  commands: number;
  roles: Role[];
}

export interface Statistics {
  messages: { captured: number; deleted: number; edited: number; promoted: number };
  participants: number;
  timelineEntries: number;
  suggestions: { found: number; shown: number };
  notes: number;
  statusUpdates: number;
  severityChanges: number;
  pages: number;
  acknowledgedPages: number;
  escalations: number;
  pageFailures: number;
  actionItems: number;
  reopens: number;
  /** Secrets replaced by `[REDACTED:…]` in this draft. */
  secretsRedacted: number;
}

/** A section only people can write, with facts from the record to start from. Never filled in. */
export interface SectionPrompt {
  question: string;
  /** Quotes of the record (each with its time), not conclusions. May be empty. */
  hints: string[];
}

export interface Prompts {
  summary: SectionPrompt;
  impact: SectionPrompt;
  rootCause: SectionPrompt;
  trigger: SectionPrompt;
  detection: SectionPrompt;
  resolution: SectionPrompt;
  wentWell: SectionPrompt;
  wentWrong: SectionPrompt;
  lucky: SectionPrompt;
  lessons: SectionPrompt;
}

/** Lean on purpose: a transcript may have 100k lines. */
export interface TranscriptLine {
  /** ISO-8601 UTC of when it was said. */
  at: string;
  /** As `Moment.text`. */
  time: string;
  author: Actor;
  text: string;
  edited: boolean;
  permalink?: string;
}

/** What the customer-facing post may use: no people, no chat, no links. */
export interface PublicView {
  title: string;
  /** `Nov 20, 2025 15:23–15:45 UTC`. */
  window: string;
  started: Moment;
  ended?: Moment;
  duration?: Span;
  ongoing: boolean;
  updates: { time: string; label: string; text: string }[];
  summary?: string;
  /** Action items without owners, as "what we are doing". */
  measures: string[];
}

export interface IncidentFacts {
  key: string;
  label: string;
  number: number;
  title: string;
  description?: string;
  severity: Severity;
  severityHistory: SeverityChange[];
  status: IncidentStatus | 'resolved';
  resolved: boolean;
  reopenCount: number;
  declaredBy: Actor;
  commander: Actor;
  roles: Partial<Record<Role, Actor>>;
  roleHistory: RoleAssignment[];
  channel?: { name: string; url?: string };
}

export interface PostmortemModel {
  incident: IncidentFacts;
  times: {
    declared: Moment;
    firstAcknowledged?: Moment;
    /** The first `monitoring` status update (or the resolution when there was none). */
    mitigated?: Moment;
    /** The latest resolution; absent while the incident is open. */
    resolved?: Moment;
    /** The earliest timeline entry: often a backdated note of when it began. */
    firstEntry: Moment;
    /** The latest recorded event that the draft reflects. */
    asOf: Moment;
  };
  durations: {
    toAcknowledge?: Span;
    toMitigate?: Span;
    toResolve?: Span;
    /** From the earliest timeline entry to the resolution. */
    total?: Span;
  };
  participants: Participant[];
  /** Confirmed entries: system events, notes, promoted messages. */
  timeline: TimelineRow[];
  /** Proposed from chat, for a person to review. */
  suggestions: TimelineRow[];
  /** `timeline` and `suggestions` merged in chronological order. */
  fullTimeline: TimelineRow[];
  statusUpdates: StatusUpdate[];
  actionItems: ActionItem[];
  actionItemsByPriority: ActionItemGroup[];
  promotedMessages: TimelineRow[];
  pages: PageRecord[];
  resolutions: Resolution[];
  resolveSummary?: string;
  prompts: Prompts;
  statistics: Statistics;
  /** Present only when `postmortem.include_transcript` is on. */
  transcript?: TranscriptLine[];
  public: PublicView;
  timeZone: string;
  /** True when the incident spans more than one date (UTC or local); times then carry dates. */
  crossesMidnight: boolean;
  /** Wall-clock time of rendering. Drafts that print it are no longer byte-identical on regeneration. */
  generatedAt: string;
}
