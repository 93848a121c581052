import type { PlatformRegistry } from '../ports/chat-platform.ts';
import type { EventFeed } from '../ports/event-feed.ts';
import type { IncidentStore } from '../ports/incident-store.ts';
import type { Metrics } from '../ports/metrics.ts';
import type { RateLimiter } from '../ports/rate-limiter.ts';
import type { TextRedactor } from '../ports/redactor.ts';
import type { SignInLinks } from '../ports/sign-in-links.ts';
import type { StoredEvent, TicketSystem } from './model/events.ts';
import type { IncidentRef } from './model/incident-ref.ts';
import type { Severity } from './model/severity.ts';
import type { SeverityAliases } from './model/severity-words.ts';
import type { PagingDirectory } from './policy/paging-directory.ts';
import type { PermissionSettings } from './policy/permission-policy.ts';
import type { Clock } from './time/clock.ts';

export interface PostmortemDraft {
  path: string;
  content: string;
  template: string;
  digest: string;
  /** What changed since the previous draft, in words; empty for a first draft or when nothing did. */
  changes: string[];
  /** When the previous draft was written (ISO-8601); absent for a first draft. */
  previousAt?: string;
}

/** Renders postmortem drafts, and writes the file of one once it is recorded. */
export interface PostmortemWriter {
  /** Renders the draft from the log as it is now; writes nothing. */
  render(ref: IncidentRef, template: string | undefined): Promise<PostmortemDraft>;
  /** Writes the file of a recorded `postmortem_generated` event (a reaction; idempotent). */
  write(ref: IncidentRef, generated: StoredEvent): Promise<void>;
  templateNames(): string[];
}

/** The settings the core reads: parsed from the config by the composition root. */
export interface CoreSettings {
  /** The workspace time zone: bare note times and local times in replies. */
  timezone: string;
  defaultSeverity: Severity;
  /** Other words read as severities (`critical`, `p1`), from the config's `severity_aliases`. */
  severityAliases: SeverityAliases;
  /** Who may run which command (`permissions:`). */
  permissions: PermissionSettings;
  /** Per platform, the workspaces (Slack teams, Discord guilds) the bot answers in; empty: any. */
  allowedWorkspaces: Readonly<Record<string, readonly string[]>>;
  rateLimits: RateLimitSettings;
  /** The ticket systems `follow_ups:` configures (`/incident action export` refuses the others). */
  ticketSystems?: readonly TicketSystem[];
}

/** How many declares and pages a person, or a workspace, may make in one window (0: no limit). */
export interface RateLimitSettings {
  windowMs: number;
  declarePerUser: number;
  pagePerUser: number;
  pagePerWorkspace: number;
}

/** What the core uses. Built once by the composition root. */
export interface CoreServices {
  store: IncidentStore;
  clock: Clock;
  settings: CoreSettings;
  postmortems: PostmortemWriter;
  /** The paging policy commands consult (targets, on-call, cadences). */
  paging: PagingDirectory;
  /** The one redaction pass over what leaves the core. */
  redactor: TextRedactor;
  /** The chat platforms this process is connected to (for backfill before a draft). */
  platforms: PlatformRegistry;
  /** Tells when the reactions to an append ran (a command whose reply promises their result waits). */
  reactions?: Pick<EventFeed, 'isDone'>;
  /** Declares and pages per person and per workspace; absent: no limits (unit tests, tools). */
  limiter?: RateLimiter;
  /** Counters and histograms (pages, escalations, MTTA/MTTR); absent in tests and tools. */
  metrics?: Metrics;
  /** Sign-in links to the web view (`/incident web`); absent: the web view is not served. */
  signInLinks?: SignInLinks;
}
