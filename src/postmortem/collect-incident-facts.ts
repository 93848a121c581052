import { BOT_ACTOR } from '../core/append-system-events.ts';
import type { Actor, IncidentStatus, Priority, Role, StoredEvent, TicketRef } from '../core/model/events.ts';
import { isChatter } from '../core/model/events.ts';
import type { Severity } from '../core/model/severity.ts';

/*
 * The structured facts a draft needs beyond the incident's state and timeline text: histories
 * (severity, roles, statuses, resolutions), who ran commands, and counts. Collected event by event
 * while the log streams past, so nothing but these small lists is ever held.
 */

export interface RawSeverityChange {
  at: string;
  severity: Severity;
  from?: Severity;
  reason?: string;
  automatic: boolean;
  by: Actor;
}

export interface RawStatusUpdate {
  at: string;
  status: IncidentStatus;
  message: string;
  author: Actor;
}

export interface RawActionItem {
  id: string;
  text: string;
  owner?: Actor;
  due?: string;
  priority: Priority;
  at: string;
  author: Actor;
  /** When it was marked done (the last word: a reopen clears it). */
  doneAt?: string;
  tickets: TicketRef[];
}

export interface RawResolution {
  at: string;
  by: Actor;
  summary?: string;
  reopenedAt?: string;
}

export class IncidentFactCollector {
  readonly severityHistory: RawSeverityChange[] = [];
  readonly roleHistory: { at: string; role: Role; person: Actor; by: Actor }[] = [];
  readonly statusUpdates: RawStatusUpdate[] = [];
  readonly actionItems: RawActionItem[] = [];
  readonly resolutions: RawResolution[] = [];
  readonly pageMessages = new Map<string, string>();
  readonly pageFailures: { at: string; pager: string; reason: string }[] = [];
  readonly escalations: { at: string; step: number; targets: string[]; reason: string }[] = [];
  /** Commands each person ran, by actor id. The bot is not a participant. */
  readonly commandsBy = new Map<string, { actor: Actor; count: number }>();
  notes = 0;
  /** The latest event the draft reflects. Drafts themselves do not count: regenerating is idempotent. */
  lastAt = '';

  add(event: StoredEvent): void {
    if (event.type === 'postmortem_generated') return;
    if (event.at > this.lastAt) this.lastAt = event.at;
    if (isChatter(event.type)) return;
    this.countCommand(event);
    switch (event.type) {
      case 'declared':
        this.severityHistory.push({
          at: event.at,
          severity: event.severity,
          automatic: false,
          by: event.actor,
        });
        return;
      case 'severity_changed':
        this.severityHistory.push({
          at: event.at,
          severity: event.to,
          from: event.from,
          automatic: event.automatic === true,
          by: event.actor,
          ...(event.reason === undefined ? {} : { reason: event.reason }),
        });
        return;
      case 'role_assigned':
        this.roleHistory.push({ at: event.at, role: event.role, person: event.user, by: event.actor });
        return;
      case 'status_updated':
        this.statusUpdates.push({
          at: event.at,
          status: event.status,
          message: event.message,
          author: event.actor,
        });
        return;
      case 'note_added':
        this.notes += 1;
        return;
      case 'paged':
        if (event.message !== undefined) this.pageMessages.set(event.pageId, event.message);
        return;
      case 'page_failed':
        this.pageFailures.push({ at: event.at, pager: event.pager, reason: event.reason });
        return;
      case 'escalated':
        this.escalations.push({
          at: event.at,
          step: event.step,
          targets: event.targets,
          reason: event.reason,
        });
        return;
      case 'action_item_added':
        this.actionItems.push({
          id: event.itemId,
          text: event.text,
          priority: event.priority,
          at: event.at,
          author: event.actor,
          ...(event.owner === undefined ? {} : { owner: event.owner }),
          ...(event.due === undefined ? {} : { due: event.due }),
          tickets: [],
        });
        return;
      case 'follow_up_exported': {
        const item = this.actionItems.find((candidate) => candidate.id === event.itemId);
        item?.tickets.push({ system: event.system, key: event.key, url: event.url });
        return;
      }
      case 'action_done':
      case 'action_reopened': {
        const item = this.actionItems.find((candidate) => candidate.id === event.itemId);
        if (item && event.type === 'action_done') item.doneAt = event.at;
        else if (item) delete item.doneAt;
        return;
      }
      case 'resolved':
        this.resolutions.push({
          at: event.at,
          by: event.actor,
          ...(event.summary === undefined ? {} : { summary: event.summary }),
        });
        return;
      case 'reopened': {
        const last = this.resolutions[this.resolutions.length - 1];
        if (last && last.reopenedAt === undefined) last.reopenedAt = event.at;
        return;
      }
      default:
        return;
    }
  }

  private countCommand(event: StoredEvent): void {
    if (event.actor.id === BOT_ACTOR.id) return;
    const known = this.commandsBy.get(event.actor.id);
    if (known) known.count += 1;
    else this.commandsBy.set(event.actor.id, { actor: event.actor, count: 1 });
  }
}
