import type { Severity } from './severity.ts';

/** Who did something: a platform user id and the name people know them by. */
export interface Actor {
  id: string;
  name: string;
}

/** Where it happened. Ids are the platform's own. */
export interface Origin {
  platform: string;
  workspace: string;
  channel: string;
}

export type IncidentStatus = 'investigating' | 'identified' | 'monitoring';
export const STATUSES: readonly IncidentStatus[] = ['investigating', 'identified', 'monitoring'];

export type Role = 'commander' | 'comms' | 'scribe';
export const ROLES: readonly Role[] = ['commander', 'comms', 'scribe'];

export type Priority = 'high' | 'medium' | 'low';

/** Where action items become tickets (`follow_ups:` in the config). */
export type TicketSystem = 'github' | 'jira';
export const TICKET_SYSTEMS: readonly TicketSystem[] = ['github', 'jira'];
/** How messages name them. */
export const TICKET_SYSTEM_NAMES: Readonly<Record<TicketSystem, string>> = { github: 'GitHub', jira: 'Jira' };

/** A ticket an action item was exported to: `key` as the system spells it (`acme/platform#12`, `OPS-7`). */
export interface TicketRef {
  system: TicketSystem;
  key: string;
  url: string;
}

/** What a public status update says about the incident's impact (Statuspage's words). */
export type PublicImpact = 'none' | 'minor' | 'major' | 'critical';
export const PRIORITIES: readonly Priority[] = ['high', 'medium', 'low'];

/** Where an imported incident came from; `key` identifies the export's channel and time range. */
export interface ImportMark {
  source: 'slack-export' | 'discord-export';
  file: string;
  key: string;
}

export interface FileMeta {
  id: string;
  name: string;
  mimetype?: string;
  size?: number;
  url?: string;
}

/** Fields every event carries. `at` is when the bot recorded it (UTC ISO-8601). */
export interface EventBase {
  at: string;
  actor: Actor;
  origin: Origin;
}

export type IncidentEventBody =
  | {
      type: 'declared';
      number: number;
      title: string;
      severity: Severity;
      description?: string;
      /** Only its members see it: a private channel, and left out of lists, announcements and stats. */
      private?: true;
      /** Read from an export after the fact: nobody is paged, no channel is opened. */
      imported?: ImportMark;
      /** Declared in an existing channel (`/incident adopt`): it becomes the incident's, read back from `since`. */
      adopted?: { since: string };
    }
  | { type: 'channel_linked'; channel: string; channelName: string; url?: string }
  | { type: 'severity_changed'; from: Severity; to: Severity; reason?: string; automatic?: boolean }
  | { type: 'role_assigned'; role: Role; user: Actor }
  /** occurredAt may be earlier than `at`: notes are often backdated. */
  | { type: 'note_added'; text: string; occurredAt: string }
  | { type: 'status_updated'; status: IncidentStatus; message: string }
  | {
      type: 'paged';
      target: string;
      targetKind: 'user' | 'schedule' | 'pager';
      message?: string;
      pageId: string;
      /** The pager that delivers it (`chat` for people and schedules). */
      pager?: string;
      /** Who was on call in the schedule's `layer` when paged, or the user paged. */
      user?: string;
      layer?: string;
      /** How a paged person was named (a manual page's escalation names them the same way). */
      targetName?: string;
      /** The escalation chain this page belongs to, its step (0 = the first page) and repeat round. */
      chain?: string;
      step?: number;
      round?: number;
    }
  | {
      type: 'page_failed';
      pageId: string;
      pager: string;
      reason: string;
      action?: 'page' | 'escalate' | 'acknowledge' | 'resolve';
      status?: number;
    }
  | { type: 'acknowledged'; pageIds: string[] }
  | { type: 'escalated'; step: number; targets: string[]; reason: string; chain?: string; round?: number }
  /** `key` makes a reminder fire once even when two workers or a retry reach it. */
  | { type: 'reminder_sent'; reminder: string; text: string; key?: string }
  | { type: 'reminder_snoozed'; reminder: string; until: string }
  | {
      type: 'action_item_added';
      itemId: string;
      text: string;
      owner?: Actor;
      due?: string;
      priority: Priority;
    }
  /**
   * An action item was done (or, reopened, is open again); `itemId` as shown (`A2`). `ticket`: the
   * change came from its ticket (closed or reopened there).
   */
  | { type: 'action_done'; itemId: string; ticket?: TicketRef }
  | { type: 'action_reopened'; itemId: string; ticket?: TicketRef }
  /** Someone asked for the action item to become a ticket (`/incident action export <n> github`). */
  | { type: 'follow_up_requested'; itemId: string; system: TicketSystem }
  | ({ type: 'follow_up_exported'; itemId: string } & TicketRef)
  /** Creating the ticket failed; `final`: no retry is left (the item can be exported again by hand). */
  | {
      type: 'follow_up_failed';
      itemId: string;
      system: TicketSystem;
      reason: string;
      status?: number;
      final: boolean;
    }
  /** Published on the public status page: only `message` (and status, impact) is public. */
  | { type: 'status_published'; status: IncidentStatus | 'resolved'; message: string; impact: PublicImpact }
  /**
   * The status page service shows the `status_published` of revision `published`; `remoteId` is
   * the incident's id there (the first sync created it).
   */
  | { type: 'status_page_synced'; provider: 'statuspage'; remoteId: string; published: number; url?: string }
  | { type: 'resolved'; summary?: string }
  | { type: 'reopened' }
  | {
      type: 'message_captured';
      messageId: string;
      text: string;
      occurredAt: string;
      threadId?: string;
      files?: FileMeta[];
      permalink?: string;
    }
  | { type: 'message_edited'; messageId: string; text: string; editedAt: string }
  | { type: 'message_deleted'; messageId: string }
  | { type: 'message_promoted'; messageId: string }
  | { type: 'message_demoted'; messageId: string }
  /**
   * How far a slow read of an adopted channel's history has got: messages read in all, the oldest
   * reached, where to go on (the platform's opaque position), the platform's pace when it is slow.
   */
  | {
      type: 'history_progress';
      read: number;
      backTo?: string;
      position?: string;
      done: boolean;
      requestsPerMinute?: number;
    }
  | { type: 'postmortem_generated'; template: string; path: string; digest: string }
  /** An audit record: someone ran a command a `permissions:` rule does not let them run. */
  | { type: 'permission_denied'; command: string; rule: string };

export type IncidentEvent = EventBase & IncidentEventBody;
export type IncidentEventType = IncidentEventBody['type'];
export type EventOf<T extends IncidentEventType> = EventBase & Extract<IncidentEventBody, { type: T }>;

/** A stored event: the stream id orders the log. */
export type StoredEvent = IncidentEvent & { id: string };

/**
 * Channel chatter is appended without the optimistic revision check: it never changes the
 * incident's state machine, and a storm of messages must not starve commands of their turn.
 */
const CHATTER: ReadonlySet<IncidentEventType> = new Set([
  'message_captured',
  'message_edited',
  'message_deleted',
  'message_promoted',
  'message_demoted',
  // Written with the messages of its page, in the same append: it never changes the revision.
  'history_progress',
]);

export function isChatter(type: IncidentEventType): boolean {
  return CHATTER.has(type);
}
