import type { Actor, StoredEvent } from '../model/events.ts';
import { CapturedMessages, type CapturedMessageView } from './captured-messages.ts';

export type { CapturedMessageView };

export type TimelineKind =
  | 'declared'
  | 'severity'
  | 'role'
  | 'note'
  | 'status'
  | 'page'
  | 'page-failed'
  | 'ack'
  | 'escalation'
  | 'reminder'
  | 'action'
  | 'resolved'
  | 'reopened'
  | 'message';

/** One row of the timeline: when it happened (not when it was typed), who, what. */
export interface TimelineEntry {
  at: string;
  kind: TimelineKind;
  author: Actor;
  text: string;
  messageId?: string;
  permalink?: string;
}

/**
 * The timeline view of a log. Backdated notes sit at their own time; promoted messages at the
 * time they were said, with their latest edit; deleted messages drop out.
 */
export class TimelineBuilder {
  private readonly entries: (TimelineEntry & { order: number })[] = [];
  private readonly messages = new CapturedMessages();
  private order = 0;

  add(event: StoredEvent): void {
    const order = this.order++;
    const base = { author: event.actor, order };
    const push = (kind: TimelineKind, text: string, at = event.at): void => {
      this.entries.push({ ...base, kind, text, at });
    };
    switch (event.type) {
      case 'declared':
        return push('declared', `Incident declared: ${event.severity} ${event.title}`);
      case 'severity_changed':
        return push(
          'severity',
          `Severity ${event.from} → ${event.to}${event.automatic ? ' (automatic)' : ''}${event.reason ? `: ${event.reason}` : ''}`,
        );
      case 'role_assigned':
        return push('role', `${event.user.name} assigned as ${event.role}`);
      case 'note_added':
        return push('note', event.text, event.occurredAt);
      case 'status_updated':
        return push('status', `Status ${event.status}: ${event.message}`);
      case 'paged':
        return push('page', `Paged ${event.target}${event.message ? `: ${event.message}` : ''}`);
      case 'page_failed':
        return push('page-failed', `Page through ${event.pager} failed: ${event.reason}`);
      case 'acknowledged':
        return push('ack', `${event.actor.name} acknowledged the page`);
      case 'escalated':
        return push(
          'escalation',
          `Escalated (step ${event.step}) to ${event.targets.join(', ')}: ${event.reason}`,
        );
      case 'reminder_sent':
        return push('reminder', event.text);
      case 'action_item_added':
        return push(
          'action',
          `Action item: ${event.text}${event.owner ? ` (owner ${event.owner.name})` : ''}`,
        );
      case 'action_done':
        return push(
          'action',
          `Action item ${event.itemId} done${event.ticket ? ` (${event.ticket.key} closed)` : ''}`,
        );
      case 'action_reopened':
        return push(
          'action',
          `Action item ${event.itemId} open again${event.ticket ? ` (${event.ticket.key} reopened)` : ''}`,
        );
      case 'follow_up_exported':
        return push('action', `Action item ${event.itemId} exported to ${event.key}: ${event.url}`);
      case 'follow_up_failed':
        return push(
          'action',
          `Export of action item ${event.itemId} to ${event.system} failed: ${event.reason}`,
        );
      case 'status_published':
        return push('status', `Published on the status page (${event.status}): ${event.message}`);
      case 'resolved':
        return push('resolved', `Resolved${event.summary ? `: ${event.summary}` : ''}`);
      case 'reopened':
        return push('reopened', 'Incident reopened');
      case 'message_captured':
        return this.messages.add(
          event.messageId,
          event.actor,
          event.text,
          event.occurredAt,
          order,
          event.permalink,
        );
      case 'message_edited':
        return this.messages.edit(event.messageId, event.text);
      case 'message_deleted':
        return this.messages.markDeleted(event.messageId);
      case 'message_promoted':
        return this.messages.markPromoted(event.messageId, true);
      case 'message_demoted':
        return this.messages.markPromoted(event.messageId, false);
      default:
        return;
    }
  }

  /** Every captured message in the order first recorded, deleted ones included (and flagged). */
  capturedMessages(): IterableIterator<CapturedMessageView> {
    return this.messages.all();
  }

  /** Entries in the order things happened; ties keep the order they were recorded. */
  build(): TimelineEntry[] {
    const promoted = [...this.messages.promoted()].map((message) => ({
      at: message.at,
      kind: 'message' as const,
      author: message.author,
      text: message.text,
      messageId: message.messageId,
      order: message.order,
      ...(message.permalink === undefined ? {} : { permalink: message.permalink }),
    }));
    return [...this.entries, ...promoted]
      .sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.order - b.order)
      .map(({ order: _order, ...entry }) => entry);
  }
}

export function buildTimeline(events: Iterable<StoredEvent>): TimelineEntry[] {
  const builder = new TimelineBuilder();
  for (const event of events) builder.add(event);
  return builder.build();
}
