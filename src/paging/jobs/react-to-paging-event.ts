import type { EventOf } from '../../core/model/events.ts';
import type { IncidentRef } from '../../core/model/incident-ref.ts';
import { outstandingPages } from '../../core/model/incident-state.ts';
import { isUpgrade } from '../../core/model/severity.ts';
import { dayjs } from '../../core/time/dayjs.ts';
import { cancelIncidentTimers, cancelPendingSteps } from '../cancel-pending.ts';
import { enqueueDelivery } from '../delivery-job.ts';
import { notificationsFor } from '../notify-pagers.ts';
import type { PagingContext } from '../paging-context.ts';
import { chainId, PAGING_JOBS, pagingJobId } from '../paging-job-ids.ts';
import { eventsOf, type Revisioned, readPagingLog } from '../paging-log.ts';
import { planAutoEscalate, planStatusCheck, type ReminderJob, statusUpdateDue } from '../paging-timers.ts';
import { policyFor } from '../severity-policy.ts';
import { startPolicyChain } from '../start-policy-chain.ts';

export interface ReactionJob {
  ref: IncidentRef;
  /** The revision of the event to react to. */
  revision: number;
}

/** Action items are due in the morning of their due date, in the workspace's timezone. */
const ACTION_DUE_TIME = '09:00';

/** What paging does after an ack, a resolve, a severity change, a reopen, an action item, a snooze. */
export function reactToPagingEvent(ctx: PagingContext) {
  return async (data: unknown): Promise<void> => {
    const { ref, revision } = data as ReactionJob;
    const log = await readPagingLog(ctx.services.store, ref);
    const entry = log.find((candidate) => candidate.revision === revision);
    if (!entry) return;
    switch (entry.event.type) {
      case 'acknowledged':
        return onAcknowledged(ctx, ref, log, entry, entry.event);
      case 'resolved':
        return onResolved(ctx, ref, log, entry);
      case 'severity_changed':
        return onSeverityChanged(ctx, ref, log, entry, entry.event);
      case 'reopened':
      case 'reminder_snoozed':
        return replanTimers(ctx, ref, log, entry);
      case 'action_item_added':
        return planActionReminder(ctx, ref, entry.event);
      default:
        return;
    }
  };
}

async function onAcknowledged(
  ctx: PagingContext,
  ref: IncidentRef,
  log: readonly Revisioned[],
  entry: Revisioned,
  ack: EventOf<'acknowledged'>,
): Promise<void> {
  await cancelPendingSteps(ctx.services.jobs, ref, log, entry.revision);
  const acked = new Set(ack.pageIds);
  const pages = eventsOf(log, 'paged').filter((page) => acked.has(page.pageId));
  for (const job of notificationsFor(ref, pages, 'acknowledge', `ack-r${entry.revision}`, ack.actor)) {
    await enqueueDelivery(ctx.services.jobs, job);
  }
}

async function onResolved(
  ctx: PagingContext,
  ref: IncidentRef,
  log: readonly Revisioned[],
  entry: Revisioned,
) {
  const { services } = ctx;
  await cancelPendingSteps(services.jobs, ref, log, entry.revision);
  await cancelIncidentTimers(services.jobs, ref, log);
  const state = await services.store.state(ref);
  if (!state) return;
  const policy = policyFor(services.config.severities, state.severity);
  const before = log.filter((candidate) => candidate.revision < entry.revision);
  if (policy.updateIntervalMs !== undefined) {
    await services.jobs.cancel(
      pagingJobId.statusReminder(ref, statusUpdateDue(before, policy.updateIntervalMs)),
    );
  }
  // Every pager that was ever paged for the incident hears that it is over, acknowledged or not.
  const pages = eventsOf(before, 'paged');
  for (const job of notificationsFor(
    ref,
    pages,
    'resolve',
    `resolve-r${entry.revision}`,
    entry.event.actor,
  )) {
    await enqueueDelivery(services.jobs, job);
  }
  if (policy.postmortem.required) {
    const job: ReminderJob = { kind: 'postmortem', ref, resolvedRevision: entry.revision };
    await services.jobs.enqueue(PAGING_JOBS.reminder, job, {
      jobId: pagingJobId.postmortemReminder(ref, entry.revision),
      delayMs: Math.max(
        0,
        Date.parse(entry.event.at) + policy.postmortem.dueMs - services.clock.now().getTime(),
      ),
    });
  }
}

/** An upgrade pages under the new policy; a downgrade drops the old chain and keeps only the new rules. */
async function onSeverityChanged(
  ctx: PagingContext,
  ref: IncidentRef,
  log: readonly Revisioned[],
  entry: Revisioned,
  change: EventOf<'severity_changed'>,
): Promise<void> {
  const { services } = ctx;
  await cancelPendingSteps(services.jobs, ref, log, entry.revision, ['policy']);
  const state = await services.store.state(ref);
  if (!state || state.status === 'resolved') return;
  const chain = chainId(entry.revision);
  if (isUpgrade(change.from, change.to)) {
    const announce = `Severity raised to ${change.to}: paging per ${change.to} policy`;
    await startPolicyChain(ctx, { ref, chain, severity: change.to, announce, page: true });
  } else if (outstandingPages(state).length > 0) {
    await startPolicyChain(ctx, { ref, chain, severity: change.to, announce: '', page: false });
  }
  await replanTimers(ctx, ref, log, entry);
}

/** The cadence depends on the severity and restarts on reopen; a snooze moves the next nudge. */
async function replanTimers(
  ctx: PagingContext,
  ref: IncidentRef,
  log: readonly Revisioned[],
  entry: Revisioned,
) {
  const state = await ctx.services.store.state(ref);
  if (!state || state.status === 'resolved') return;
  if (entry.event.type !== 'reminder_snoozed') await planAutoEscalate(ctx, ref, state.severity, entry);
  await planStatusCheck(ctx, state, log);
}

async function planActionReminder(ctx: PagingContext, ref: IncidentRef, item: EventOf<'action_item_added'>) {
  if (item.due === undefined) return;
  const { services } = ctx;
  const dueAt = dayjs.tz(`${item.due} ${ACTION_DUE_TIME}`, 'YYYY-MM-DD HH:mm', services.config.timezone);
  const job: ReminderJob = { kind: 'action', ref, itemId: item.itemId };
  await services.jobs.enqueue(PAGING_JOBS.reminder, job, {
    jobId: pagingJobId.actionReminder(ref, item.itemId),
    delayMs: Math.max(0, dueAt.valueOf() - services.clock.now().getTime()),
  });
}
