import type { Actor, ImportMark, IncidentStatus, Priority, Role, StoredEvent, TicketRef } from './events.ts';
import { isChatter } from './events.ts';
import type { IncidentRef } from './incident-ref.ts';
import type { Severity } from './severity.ts';

export interface PageState {
  pageId: string;
  target: string;
  targetKind: 'user' | 'schedule' | 'pager';
  pagedAt: string;
  acknowledgedAt?: string;
}

export interface ActionItemState {
  itemId: string;
  text: string;
  owner?: Actor;
  due?: string;
  priority: Priority;
  createdAt: string;
  /** When it was marked done, and by whom; absent while open. */
  done?: { at: string; by: Actor };
  /** The tickets it was exported to (`/incident action export`, or `follow_ups.auto_export`). */
  tickets?: TicketRef[];
}

export interface HistoryProgress {
  read: number;
  backTo?: string;
  position?: string;
  done: boolean;
  requestsPerMinute?: number;
}

/** The incident as the log says it is now. Always derived, never stored. */
export interface IncidentState {
  ref: IncidentRef;
  number: number;
  title: string;
  description?: string;
  /** Declared private: only the people in its channel see it anywhere. */
  private?: true;
  /** Imported from an export (see ImportMark). */
  imported?: ImportMark;
  /** Adopted channel: read back from this instant; declaredAt is its first message at or after it. */
  adoptedSince?: string;
  severity: Severity;
  status: IncidentStatus | 'resolved';
  declaredAt: string;
  declaredBy: Actor;
  /** The channel the incident was declared from. */
  originChannel: string;
  channel?: { id: string; name: string; url?: string };
  roles: Partial<Record<Role, Actor>>;
  pages: PageState[];
  firstAcknowledgedAt?: string;
  mitigatedAt?: string;
  resolvedAt?: string;
  resolveSummary?: string;
  reopenCount: number;
  actionItems: ActionItemState[];
  messageCount: number;
  /** An adopted channel's history being read in the background (the latest history_progress). */
  history?: HistoryProgress;
  /** Count of non-chatter events: the token for optimistic concurrency on commands. */
  revision: number;
  lastEventId: string;
}

export function isResolved(state: IncidentState): boolean {
  return state.status === 'resolved';
}

export function outstandingPages(state: IncidentState): PageState[] {
  return state.pages.filter((page) => page.acknowledgedAt === undefined);
}

export function commanderOf(state: IncidentState): Actor {
  return state.roles.commander ?? state.declaredBy;
}

/** Folds a log (or the tail of one, given the state so far) into the incident's state. */
export function foldIncident(
  ref: IncidentRef,
  events: readonly StoredEvent[],
  initial?: IncidentState,
): IncidentState | undefined {
  let state = initial;
  for (const event of events) {
    state = applyEvent(ref, state, event);
  }
  return state;
}

function applyEvent(ref: IncidentRef, state: IncidentState | undefined, event: StoredEvent): IncidentState {
  if (event.type === 'declared') {
    return {
      ref,
      number: event.number,
      title: event.title,
      ...(event.description === undefined ? {} : { description: event.description }),
      ...(event.private ? { private: true as const } : {}),
      ...(event.imported ? { imported: event.imported } : {}),
      ...(event.adopted ? { adoptedSince: event.adopted.since } : {}),
      severity: event.severity,
      status: 'investigating',
      declaredAt: event.at,
      declaredBy: event.actor,
      originChannel: event.origin.channel,
      roles: {},
      pages: [],
      reopenCount: 0,
      actionItems: [],
      messageCount: 0,
      revision: 1,
      lastEventId: event.id,
    };
  }
  if (!state) throw new Error(`incident log of INC-${ref.number} does not begin with a declaration`);
  const next: IncidentState = {
    ...state,
    lastEventId: event.id,
    revision: isChatter(event.type) ? state.revision : state.revision + 1,
  };
  switch (event.type) {
    case 'channel_linked':
      next.channel = {
        id: event.channel,
        name: event.channelName,
        ...(event.url === undefined ? {} : { url: event.url }),
      };
      break;
    case 'severity_changed':
      next.severity = event.to;
      break;
    case 'role_assigned':
      next.roles = { ...state.roles, [event.role]: event.user };
      break;
    case 'status_updated':
      next.status = event.status;
      if (event.status === 'monitoring' && next.mitigatedAt === undefined) next.mitigatedAt = event.at;
      break;
    case 'paged':
      next.pages = [
        ...state.pages,
        { pageId: event.pageId, target: event.target, targetKind: event.targetKind, pagedAt: event.at },
      ];
      break;
    case 'acknowledged': {
      const acked = new Set(event.pageIds);
      next.pages = state.pages.map((page) =>
        acked.has(page.pageId) && page.acknowledgedAt === undefined
          ? { ...page, acknowledgedAt: event.at }
          : page,
      );
      next.firstAcknowledgedAt ??= event.at;
      break;
    }
    case 'action_done':
    case 'action_reopened':
      next.actionItems = state.actionItems.map((item) => {
        if (item.itemId !== event.itemId) return item;
        const { done: _done, ...open } = item;
        return event.type === 'action_done' ? { ...open, done: { at: event.at, by: event.actor } } : open;
      });
      break;
    case 'follow_up_exported':
      next.actionItems = state.actionItems.map((item) =>
        item.itemId === event.itemId
          ? {
              ...item,
              tickets: [...(item.tickets ?? []), { system: event.system, key: event.key, url: event.url }],
            }
          : item,
      );
      break;
    case 'action_item_added':
      next.actionItems = [
        ...state.actionItems,
        {
          itemId: event.itemId,
          text: event.text,
          priority: event.priority,
          createdAt: event.at,
          ...(event.owner === undefined ? {} : { owner: event.owner }),
          ...(event.due === undefined ? {} : { due: event.due }),
        },
      ];
      break;
    case 'resolved':
      next.status = 'resolved';
      next.resolvedAt = event.at;
      if (event.summary !== undefined) next.resolveSummary = event.summary;
      next.mitigatedAt ??= event.at;
      break;
    case 'reopened':
      next.status = 'investigating';
      next.reopenCount = state.reopenCount + 1;
      delete next.resolvedAt;
      break;
    case 'history_progress': {
      const { type: _t, at: _a, actor: _ac, origin: _o, id: _id, ...progress } = event;
      next.history = progress;
      break;
    }
    case 'message_captured':
      next.messageCount = state.messageCount + 1;
      // An adopted incident began with the first message said after `since`, not with the command.
      if (
        state.adoptedSince &&
        event.occurredAt >= state.adoptedSince &&
        event.occurredAt < state.declaredAt
      ) {
        next.declaredAt = event.occurredAt;
      }
      break;
    default:
      break;
  }
  return next;
}
