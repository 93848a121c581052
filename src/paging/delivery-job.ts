import type { Actor, EventOf } from '../core/model/events.ts';
import type { IncidentRef } from '../core/model/incident-ref.ts';
import type { JobQueue } from '../ports/job-queue.ts';
import type { PagerAction, PagerTarget } from '../ports/pager.ts';
import { CHAT_PAGER_ID } from './pager-config.ts';
import { PAGING_JOBS, pagingJobId } from './paging-job-ids.ts';

/** One message to one pager, as a job: retried with backoff, never blocking another pager. */
export interface DeliveryJob {
  ref: IncidentRef;
  /** Stable across retries and re-plans: the job id and the Idempotency-Key derive from it. */
  deliveryId: string;
  pager: string;
  action: PagerAction;
  /** For page/escalate: the page it delivers (skipped once acknowledged or resolved). */
  pageId?: string;
  target: PagerTarget;
  message?: string;
  actor?: Actor;
  /**
   * When the chain escalates next (epoch ms): a retry the receiver asked to delay (Retry-After)
   * still comes before it, or the escalation would page someone else while this page waits.
   */
  retryBy?: number;
}

/** The delivery of a `paged` event. */
export function pageDelivery(ref: IncidentRef, page: EventOf<'paged'>, nextStepInMs?: number): DeliveryJob {
  const step = page.step ?? 0;
  return {
    ...(nextStepInMs === undefined ? {} : { retryBy: Date.parse(page.at) + nextStepInMs }),
    ref,
    deliveryId: `page-${page.pageId}`,
    pager: page.pager ?? (page.targetKind === 'pager' ? page.target : CHAT_PAGER_ID),
    action: step > 0 ? 'escalate' : 'page',
    pageId: page.pageId,
    target: {
      kind: page.targetKind,
      id: page.target,
      ...(page.user === undefined
        ? page.targetKind === 'user'
          ? { user: page.target }
          : {}
        : { user: page.user }),
      ...(page.layer === undefined ? {} : { layer: page.layer }),
      step,
      round: page.round ?? 0,
    },
    ...(page.message === undefined ? {} : { message: page.message }),
  };
}

export async function enqueueDelivery(jobs: JobQueue, job: DeliveryJob): Promise<void> {
  await jobs.enqueue(PAGING_JOBS.delivery, job, { jobId: pagingJobId.delivery(job.ref, job.deliveryId) });
}
