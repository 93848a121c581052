import type { IncidentRef } from '../core/model/incident-ref.ts';
import type { JobQueue } from '../ports/job-queue.ts';
import { chainRevision, pagingJobId } from './paging-job-ids.ts';
import { type ChainKind, chainsIn, pendingSteps, type Revisioned } from './paging-log.ts';

/**
 * Removes escalation steps that can no longer apply. This only tidies the queue: a step that is
 * already running, or that a cancel misses, still checks the log and does nothing.
 */
export async function cancelPendingSteps(
  jobs: JobQueue,
  ref: IncidentRef,
  log: readonly Revisioned[],
  before: number,
  kinds: readonly ChainKind[] = ['policy', 'manual'],
): Promise<void> {
  for (const { chain, kind } of chainsIn(log)) {
    if (chainRevision(chain) >= before || !kinds.includes(kind)) continue;
    for (const { step, round } of pendingSteps(log, chain)) {
      await jobs.cancel(pagingJobId.step(ref, chain, step, round));
    }
  }
}

/** Removes the timers of an incident that is resolved: auto-escalations and the commander nudge. */
export async function cancelIncidentTimers(
  jobs: JobQueue,
  ref: IncidentRef,
  log: readonly Revisioned[],
): Promise<void> {
  for (const { revision, event } of log) {
    if (event.type === 'declared' || event.type === 'severity_changed' || event.type === 'reopened') {
      await jobs.cancel(pagingJobId.autoEscalate(ref, revision));
    }
  }
  await jobs.cancel(pagingJobId.commanderReminder(ref));
}
