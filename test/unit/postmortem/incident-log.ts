import type { Actor, IncidentEventBody, Priority, StoredEvent } from '../../../src/core/model/events.ts';
import type { IncidentRef } from '../../../src/core/model/incident-ref.ts';
import type { Severity } from '../../../src/core/model/severity.ts';

export const REF: IncidentRef = { platform: 'console', workspace: 'local', number: 1 };

/** A person by name, as the console knows them. */
export function person(name: string): Actor {
  return { id: name, name };
}

/**
 * Writes an incident's log the way the core would, one event at a time at a settable time, so
 * unit tests can build a draft without Redis. `at('15:23')` moves the clock within the day.
 */
export class IncidentLog {
  private readonly list: StoredEvent[] = [];
  private now: Date;
  private actor: Actor = person('alice');
  private sequence = 0;

  constructor(start: string) {
    this.now = new Date(start);
  }

  /** `HH:MM` on the current UTC day, or a full ISO instant. */
  at(time: string): this {
    this.now = /^\d{1,2}:\d{2}$/.test(time)
      ? new Date(`${this.now.toISOString().slice(0, 10)}T${time.padStart(5, '0')}:00.000Z`)
      : new Date(time);
    return this;
  }

  as(name: string): this {
    this.actor = person(name);
    return this;
  }

  append(body: IncidentEventBody): this {
    this.sequence += 1;
    this.list.push({
      ...body,
      id: `${this.now.getTime()}-${this.sequence}`,
      at: this.now.toISOString(),
      actor: this.actor,
      origin: { platform: 'console', workspace: 'local', channel: 'inc-1' },
    } as StoredEvent);
    return this;
  }

  declare(title: string, severity: Severity = 'SEV2'): this {
    return this.append({ type: 'declared', number: 1, title, severity });
  }

  note(text: string, occurredAt?: string): this {
    const when = occurredAt
      ? new Date(`${this.now.toISOString().slice(0, 10)}T${occurredAt}:00.000Z`)
      : this.now;
    return this.append({ type: 'note_added', text, occurredAt: when.toISOString() });
  }

  status(status: 'investigating' | 'identified' | 'monitoring', message: string): this {
    return this.append({ type: 'status_updated', status, message });
  }

  say(text: string, options: { id?: string; permalink?: string } = {}): this {
    const messageId = options.id ?? `m${this.sequence + 1}`;
    return this.append({
      type: 'message_captured',
      messageId,
      text,
      occurredAt: this.now.toISOString(),
      ...(options.permalink === undefined ? {} : { permalink: options.permalink }),
    });
  }

  edit(messageId: string, text: string): this {
    return this.append({ type: 'message_edited', messageId, text, editedAt: this.now.toISOString() });
  }

  remove(messageId: string): this {
    return this.append({ type: 'message_deleted', messageId });
  }

  promote(messageId: string): this {
    return this.append({ type: 'message_promoted', messageId });
  }

  action(text: string, options: { owner?: string; due?: string; priority?: Priority } = {}): this {
    return this.append({
      type: 'action_item_added',
      itemId: `A${this.list.filter((e) => e.type === 'action_item_added').length + 1}`,
      text,
      priority: options.priority ?? 'medium',
      ...(options.owner === undefined ? {} : { owner: person(options.owner) }),
      ...(options.due === undefined ? {} : { due: options.due }),
    });
  }

  severity(from: Severity, to: Severity, reason?: string): this {
    return this.append({ type: 'severity_changed', from, to, ...(reason === undefined ? {} : { reason }) });
  }

  role(role: 'commander' | 'comms' | 'scribe', name: string): this {
    return this.append({ type: 'role_assigned', role, user: person(name) });
  }

  page(target: string, pageId: string, message?: string): this {
    return this.append({
      type: 'paged',
      target,
      targetKind: 'user',
      pageId,
      ...(message === undefined ? {} : { message }),
    });
  }

  ack(...pageIds: string[]): this {
    return this.append({ type: 'acknowledged', pageIds });
  }

  resolve(summary?: string): this {
    return this.append({ type: 'resolved', ...(summary === undefined ? {} : { summary }) });
  }

  reopen(): this {
    return this.append({ type: 'reopened' });
  }

  drafted(template: string, digest: string): this {
    return this.append({ type: 'postmortem_generated', template, path: '/tmp/x.md', digest });
  }

  events(): StoredEvent[] {
    return [...this.list];
  }

  /** The log in pages, as `store.scan` yields it. */
  pages(size = 3): StoredEvent[][] {
    const pages: StoredEvent[][] = [];
    for (let i = 0; i < this.list.length; i += size) pages.push(this.list.slice(i, i + size));
    return pages;
  }
}
