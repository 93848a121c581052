import type { IncidentEventType, StoredEvent } from '../core/model/events.ts';

/** The last draft the log remembers, and what was recorded after it. */
export interface PreviousDraft {
  at: string;
  template: string;
  digest: string;
  /** Events appended after that draft, by type. */
  since: Partial<Record<IncidentEventType, number>>;
  /** The severity after the last severity change since that draft, if there was one. */
  severityNow?: string;
}

/**
 * Remembers the last `postmortem_generated` event while the log streams past, and counts what came
 * after it. The log is the record of what the previous draft saw: everything before its event.
 */
export class DraftChangeTracker {
  private previous: PreviousDraft | undefined;

  add(event: StoredEvent): void {
    if (event.type === 'postmortem_generated') {
      this.previous = { at: event.at, template: event.template, digest: event.digest, since: {} };
      return;
    }
    if (!this.previous) return;
    const since = this.previous.since;
    since[event.type] = (since[event.type] ?? 0) + 1;
    if (event.type === 'severity_changed') this.previous.severityNow = event.to;
  }

  get last(): PreviousDraft | undefined {
    return this.previous;
  }
}

const WORDING: ReadonlyArray<readonly [IncidentEventType, string, string]> = [
  ['note_added', 'new note', 'new notes'],
  ['status_updated', 'status update', 'status updates'],
  ['role_assigned', 'role change', 'role changes'],
  ['paged', 'page', 'pages'],
  ['page_failed', 'failed page', 'failed pages'],
  ['acknowledged', 'acknowledgement', 'acknowledgements'],
  ['escalated', 'escalation', 'escalations'],
  ['reminder_sent', 'reminder', 'reminders'],
  ['action_item_added', 'new action item', 'new action items'],
  ['message_captured', 'new message', 'new messages'],
  ['message_edited', 'message edited', 'messages edited'],
  ['message_deleted', 'message deleted', 'messages deleted'],
  ['message_promoted', 'message added to the timeline', 'messages added to the timeline'],
  ['message_demoted', 'message taken off the timeline', 'messages taken off the timeline'],
];

/**
 * What changed since the previous draft, in words for the reply. Empty when nothing did: the
 * same log renders the same bytes, so the digests match.
 */
export function describeChanges(
  previous: PreviousDraft,
  current: { template: string; digest: string },
): string[] {
  if (previous.digest === current.digest) return [];
  const changes: string[] = [];
  if (previous.template !== current.template) {
    changes.push(`template ${previous.template} → ${current.template}`);
  }
  const { since } = previous;
  if (previous.severityNow !== undefined) changes.push(`severity now ${previous.severityNow}`);
  if (since.resolved) changes.push(since.reopened ? 'reopened and resolved again' : 'resolved');
  else if (since.reopened) changes.push('reopened');
  for (const [type, one, many] of WORDING) {
    const count = since[type] ?? 0;
    if (count > 0) changes.push(`${count} ${count === 1 ? one : many}`);
  }
  if (changes.length === 0) changes.push('the template or the settings changed the draft');
  return changes;
}
