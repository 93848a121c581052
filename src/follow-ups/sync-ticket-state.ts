import { ok } from '../core/errors.ts';
import type { Actor, TicketSystem } from '../core/model/events.ts';
import { commit } from '../core/write/commit.ts';
import { postIncidentNotice } from '../paging/incident-notice.ts';
import { type FollowUpContext, SYSTEM_NAMES } from './follow-up-context.ts';

export interface TicketChange {
  system: TicketSystem;
  key: string;
  closed: boolean;
  /** Who changed it there (a GitHub login, a Jira display name), when the sender says. */
  by?: string;
  /** The sender's delivery id: recorded with the event, so a redelivery writes nothing. */
  deliveryId?: string;
}

export type SyncOutcome = 'changed' | 'unchanged' | 'unknown-ticket';

/**
 * Closes or reopens the action item of a ticket, through the core's write path, as the ticket
 * system. Only a change is written: a ticket closed while its item is done already says nothing new.
 */
export async function syncTicketState(ctx: FollowUpContext, change: TicketChange): Promise<SyncOutcome> {
  const linked = await ctx.index.find(change.system, change.key);
  if (!linked) return 'unknown-ticket';
  const name = SYSTEM_NAMES[change.system];
  const actor: Actor = change.by
    ? { id: `${change.system}:${change.by}`, name: `${change.by} (${name})` }
    : { id: change.system, name };
  const outcome = await commit(ctx.services, {
    target: { kind: 'incident', ref: linked.ref },
    actor,
    ...(change.deliveryId === undefined ? {} : { deliveryKey: `${change.system}:${change.deliveryId}` }),
    decide: (state) => {
      const item = state?.actionItems.find((candidate) => candidate.itemId === linked.itemId);
      if (!item || Boolean(item.done) === change.closed) return ok({ events: [] });
      const type = change.closed ? ('action_done' as const) : ('action_reopened' as const);
      return ok({ events: [{ type, itemId: linked.itemId, ticket: linked.ticket }] });
    },
  });
  if (outcome.status !== 'committed') return 'unchanged';
  const state = await ctx.services.store.state(linked.ref);
  const item = state?.actionItems.find((candidate) => candidate.itemId === linked.itemId);
  if (state && item) {
    const how = change.closed ? 'done' : 'open again';
    const text = `Action item ${item.itemId} ${how}: ${name} ${linked.ticket.key} was ${change.closed ? 'closed' : 'reopened'}${change.by ? ` by ${change.by}` : ''}. ${ctx.services.redactor.redact(item.text)}`;
    await postIncidentNotice(ctx.platforms, state, text).catch(() => {
      // The event is the record; the channel may be what is failing.
    });
  }
  return 'changed';
}
