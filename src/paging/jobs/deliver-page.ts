import { createHash } from 'node:crypto';
import { type Job, UnrecoverableError } from 'bullmq';
import { incidentKey } from '../../core/model/incident-ref.ts';
import { PagerDeliveryError } from '../../ports/pager.ts';
import { appendPagingEvents } from '../append-paging-events.ts';
import type { DeliveryJob } from '../delivery-job.ts';
import { postIncidentNotice } from '../incident-notice.ts';
import type { PagingContext } from '../paging-context.ts';
import { eventsOf } from '../paging-log.ts';

/** The same for every retry of one delivery, and different for every other delivery. */
export function idempotencyKeyOf(delivery: DeliveryJob): string {
  const digest = createHash('sha256')
    .update(`${incidentKey(delivery.ref)}|${delivery.deliveryId}`)
    .digest('hex');
  return `tocsin-${digest.slice(0, 32)}`;
}

/**
 * Sends one delivery. Retryable failures (timeouts, 429, 5xx) are thrown back to BullMQ, which
 * retries with exponential backoff; anything else fails at once with UnrecoverableError. Either
 * way the final failure is recorded as `page_failed` and said in the incident channel.
 */
export function deliverPage(ctx: PagingContext) {
  return async (data: unknown, job: Job): Promise<void> => {
    const delivery = data as DeliveryJob;
    const state = await ctx.services.store.state(delivery.ref);
    if (!state) return;
    if (delivery.pageId !== undefined) {
      const page = state.pages.find((candidate) => candidate.pageId === delivery.pageId);
      // A page still being retried when someone answered (or resolved) must not wake anyone.
      if (!page || page.acknowledgedAt !== undefined || state.status === 'resolved') return;
    }
    const attempt = job.attemptsMade + 1;
    try {
      const pager = ctx.pagers.get(delivery.pager);
      if (!pager) {
        throw new PagerDeliveryError(delivery.pager, `no pager "${delivery.pager}" is configured`, {
          retryable: false,
        });
      }
      await pager.send({
        action: delivery.action,
        incident: state,
        target: delivery.target,
        attempt,
        idempotencyKey: idempotencyKeyOf(delivery),
        ...(delivery.message === undefined ? {} : { message: delivery.message }),
        ...(delivery.actor === undefined ? {} : { actor: delivery.actor }),
      });
      ctx.services.metrics?.pageSent(pager.type);
    } catch (error) {
      const failure =
        error instanceof PagerDeliveryError
          ? error
          : new PagerDeliveryError(delivery.pager, (error as Error).message, {
              retryable: true,
              cause: error,
            });
      const final = !failure.retryable || attempt >= (job.opts.attempts ?? 1);
      if (final) {
        ctx.services.metrics?.pageFailed(ctx.pagers.get(delivery.pager)?.type ?? delivery.pager);
        await recordFailure(ctx, delivery, failure, attempt);
      }
      if (!failure.retryable) throw new UnrecoverableError(failure.message);
      throw failure;
    }
  };
}

const WHAT: Record<DeliveryJob['action'], string> = {
  page: 'Paging',
  escalate: 'Escalating',
  acknowledge: 'Telling about the acknowledgement',
  resolve: 'Telling that the incident is resolved',
};

async function recordFailure(
  ctx: PagingContext,
  delivery: DeliveryJob,
  failure: PagerDeliveryError,
  attempts: number,
): Promise<void> {
  const { services, platforms } = ctx;
  const pageId = delivery.pageId ?? delivery.deliveryId;
  const who = delivery.target.user && delivery.pager === 'chat' ? ` @${delivery.target.user}` : '';
  const appended = await appendPagingEvents(services, delivery.ref, (log) => {
    const seen = eventsOf(log, 'page_failed').some(
      (event) =>
        event.pageId === pageId && event.pager === delivery.pager && event.action === delivery.action,
    );
    if (seen) return undefined;
    return [
      {
        type: 'page_failed',
        pageId,
        pager: delivery.pager,
        reason: failure.message,
        action: delivery.action,
        ...(failure.status === undefined ? {} : { status: failure.status }),
      },
    ];
  });
  if (appended.length === 0) return;
  const state = await services.store.state(delivery.ref);
  if (!state) return;
  const how = failure.retryable
    ? `gave up after ${attempts} attempts`
    : 'will not be retried, because the receiver rejected the request; check this pager in the config';
  const text =
    `${WHAT[delivery.action]}${who} through ${delivery.pager} failed: ${failure.message}. It ${how}.` +
    (delivery.action === 'page' || delivery.action === 'escalate'
      ? ' Reach them another way, e.g. /incident page @someone.'
      : '');
  await postIncidentNotice(platforms, state, text).catch(() => {
    // The page_failed event is the record; the channel may be what is failing.
  });
}
