import { type EventOf, type IncidentEvent, type IncidentEventType, isChatter } from '../core/model/events.ts';
import type { IncidentRef } from '../core/model/incident-ref.ts';
import type { IncidentState } from '../core/model/incident-state.ts';
import { pageDelivery } from './delivery-job.ts';
import { PAGING_JOBS, pagingJobId } from './paging-job-ids.ts';

/** A durable job to start once events are in the log. */
export interface FollowUpJob {
  name: string;
  data: unknown;
  jobId: string;
}

const REACTS_TO: ReadonlySet<IncidentEventType> = new Set([
  'acknowledged',
  'resolved',
  'severity_changed',
  'reopened',
  'action_item_added',
  'reminder_snoozed',
]);

/**
 * The paging jobs that follow appended events: a delivery per page, and a reaction per ack,
 * resolve, severity change, reopen, action item and snooze. Ids derive from the event's revision,
 * so enqueueing them twice (a retried command, two replicas) starts each once.
 */
export function pagingFollowUps(before: IncidentState, events: readonly IncidentEvent[]): FollowUpJob[] {
  const { ref } = before;
  const jobs: FollowUpJob[] = [];
  let revision = before.revision;
  for (const event of events) {
    if (isChatter(event.type)) continue;
    revision += 1;
    if (event.type === 'paged') {
      const delivery = pageDelivery(ref, event as EventOf<'paged'>);
      jobs.push({
        name: PAGING_JOBS.delivery,
        data: delivery,
        jobId: pagingJobId.delivery(ref, delivery.deliveryId),
      });
    } else if (REACTS_TO.has(event.type)) {
      jobs.push({
        name: PAGING_JOBS.reaction,
        data: { ref, revision },
        jobId: pagingJobId.reaction(ref, revision),
      });
    }
  }
  return jobs;
}

/** What follows a declaration: paging per the severity's policy, and its timers. */
export function declaredFollowUp(ref: IncidentRef): FollowUpJob {
  return { name: PAGING_JOBS.declared, data: { ref }, jobId: pagingJobId.declared(ref) };
}
