import type { Job } from 'bullmq';
import { UnrecoverableError } from 'bullmq';
import { appendSystemEvents } from '../core/append-system-events.ts';
import type { TicketSystem } from '../core/model/events.ts';
import { type IncidentRef, incidentKey } from '../core/model/incident-ref.ts';
import { postIncidentNotice } from '../paging/incident-notice.ts';
import { FOLLOW_UP_JOBS, type FollowUpContext, SYSTEM_NAMES } from './follow-up-context.ts';
import { TicketError } from './ticket-client.ts';
import { ticketRequest } from './ticket-text.ts';

export interface ExportJob {
  ref: IncidentRef;
  itemId: string;
  system: TicketSystem;
}

/**
 * One export per item, system and request: a second reaction to the same event adds nothing, and
 * the log check in the job skips an item exported in the meantime.
 */
export function exportJobId(job: ExportJob, revision: number): string {
  return `${FOLLOW_UP_JOBS.export}|${incidentKey(job.ref)}|${job.itemId}|${job.system}|r${revision}`;
}

/**
 * Creates the ticket of an action item and records `follow_up_exported`. Rate limits and 5xx are
 * thrown back to BullMQ, which retries (waiting what Retry-After asks); the first failure and the
 * last are recorded and said in the channel, so nobody thinks the ticket exists when it does not.
 */
export function exportFollowUp(ctx: FollowUpContext) {
  return async (data: unknown, job: Job): Promise<void> => {
    const request = data as ExportJob;
    const state = await ctx.services.store.state(request.ref);
    const item = state?.actionItems.find((candidate) => candidate.itemId === request.itemId);
    if (!state || !item) return;
    if (item.tickets?.some((ticket) => ticket.system === request.system)) return;
    const client = ctx.tickets.get(request.system);
    const attempt = job.attemptsMade + 1;
    try {
      if (!client) {
        throw new TicketError(request.system, `follow_ups.${request.system} is not configured`, {
          retryable: false,
        });
      }
      const ticket = await client.create(
        ticketRequest(state, item, request.system, {
          redactor: ctx.services.redactor,
          webBaseUrl: ctx.webBaseUrl,
          users: ctx.config.users,
        }),
      );
      await appendSystemEvents(ctx.services, request.ref, (fresh) => {
        const now = fresh.actionItems.find((candidate) => candidate.itemId === request.itemId);
        if (now?.tickets?.some((existing) => existing.system === request.system)) return undefined;
        return [{ type: 'follow_up_exported', itemId: request.itemId, ...ticket }];
      });
    } catch (error) {
      const failure =
        error instanceof TicketError
          ? error
          : new TicketError(request.system, (error as Error).message, { retryable: true });
      const final = !failure.retryable || attempt >= (job.opts.attempts ?? 1);
      if (attempt === 1 || final) await recordFailure(ctx, request, failure, final);
      if (!failure.retryable) throw new UnrecoverableError(failure.message);
      throw failure;
    }
  };
}

async function recordFailure(ctx: FollowUpContext, request: ExportJob, failure: TicketError, final: boolean) {
  const reason = ctx.services.redactor.redact(failure.message);
  const appended = await appendSystemEvents(ctx.services, request.ref, () => [
    {
      type: 'follow_up_failed',
      itemId: request.itemId,
      system: request.system,
      reason,
      final,
      ...(failure.status === undefined ? {} : { status: failure.status }),
    },
  ]);
  const state = appended.length > 0 ? await ctx.services.store.state(request.ref) : undefined;
  if (!state) return;
  const name = SYSTEM_NAMES[request.system];
  const what = `Exporting action item ${request.itemId} to ${name} failed: ${reason.replace(/\.+$/, '')}.`;
  const next = !final
    ? ' Retrying.'
    : ` It will not be retried on its own; try again with /incident action export ${request.itemId.slice(1)} ${request.system}.`;
  await postIncidentNotice(ctx.platforms, state, what + next).catch(() => {
    // follow_up_failed is the record; the channel may be what is failing.
  });
}
