import type { FollowUpContext } from './follow-up-context.ts';
import { syncTicketState } from './sync-ticket-state.ts';

/**
 * The fallback for bots the webhooks cannot reach (`follow_ups.poll: 10m`): reads the state of every
 * exported ticket and syncs what changed. A ticket that cannot be read now is read on the next run.
 */
export function pollTickets(ctx: FollowUpContext) {
  return async (): Promise<void> => {
    for (const linked of await ctx.index.all()) {
      const client = ctx.tickets.get(linked.ticket.system);
      if (!client) continue;
      const closed = await client.isClosed(linked.ticket.key).catch(() => undefined);
      if (closed === undefined) continue;
      await syncTicketState(ctx, { system: linked.ticket.system, key: linked.ticket.key, closed });
    }
  };
}
