import type { IncidentRef } from '../core/model/incident-ref.ts';
import type { IncidentState } from '../core/model/incident-state.ts';
import type { Severity } from '../core/model/severity.ts';
import { STATUS_UPDATE } from '../core/policy/page-ids.ts';
import type { PagingContext } from './paging-context.ts';
import { PAGING_JOBS, pagingJobId } from './paging-job-ids.ts';
import type { Revisioned } from './paging-log.ts';
import { policyFor } from './severity-policy.ts';

export { STATUS_UPDATE };

/** Data of the reminder jobs; each handler re-checks the log before saying anything. */
export type ReminderJob =
  | { kind: 'status'; ref: IncidentRef; dueMs: number }
  | { kind: 'commander'; ref: IncidentRef }
  | { kind: 'postmortem'; ref: IncidentRef; resolvedRevision: number }
  | { kind: 'action'; ref: IncidentRef; itemId: string };

export interface AutoEscalateJob {
  ref: IncidentRef;
  from: Severity;
  to: Severity;
  /** The revision from which "still unresolved" is measured: entering the severity, or a reopen. */
  since: number;
  afterMs: number;
}

/**
 * When the next status update is due: an interval after the last update (or nudge, declaration,
 * reopen), but never before the end of a snooze.
 */
export function statusUpdateDue(log: readonly Revisioned[], intervalMs: number): number {
  let last = 0;
  let snoozedUntil = 0;
  for (const { event } of log) {
    const at = Date.parse(event.at);
    if (
      event.type === 'declared' ||
      event.type === 'status_updated' ||
      event.type === 'reopened' ||
      (event.type === 'reminder_sent' && event.reminder === STATUS_UPDATE)
    ) {
      last = Math.max(last, at);
    }
    if (event.type === 'reminder_snoozed' && event.reminder === STATUS_UPDATE) {
      snoozedUntil = Math.max(snoozedUntil, Date.parse(event.until));
    }
  }
  return Math.max(last + intervalMs, snoozedUntil);
}

/** Puts the next status-update check on the timer; the job id is its due time, so re-planning is idempotent. */
export async function planStatusCheck(
  ctx: PagingContext,
  state: IncidentState,
  log: readonly Revisioned[],
): Promise<void> {
  const { services } = ctx;
  const interval = policyFor(services.config.severities, state.severity).updateIntervalMs;
  if (interval === undefined || state.status === 'resolved') return;
  const dueMs = statusUpdateDue(log, interval);
  const job: ReminderJob = { kind: 'status', ref: state.ref, dueMs };
  await services.jobs.enqueue(PAGING_JOBS.reminder, job, {
    jobId: pagingJobId.statusReminder(state.ref, dueMs),
    delayMs: Math.max(0, dueMs - services.clock.now().getTime()),
  });
}

/** SEV2 → SEV1 after 2h unresolved (the seed's rule), or whatever the severity's policy says. */
export async function planAutoEscalate(
  ctx: PagingContext,
  ref: IncidentRef,
  severity: Severity,
  since: Revisioned,
): Promise<void> {
  const { services } = ctx;
  const rule = policyFor(services.config.severities, severity).autoEscalate;
  if (!rule) return;
  const job: AutoEscalateJob = {
    ref,
    from: severity,
    to: rule.to,
    since: since.revision,
    afterMs: rule.afterMs,
  };
  const dueMs = Date.parse(since.event.at) + rule.afterMs;
  await services.jobs.enqueue(PAGING_JOBS.autoEscalate, job, {
    jobId: pagingJobId.autoEscalate(ref, since.revision),
    delayMs: Math.max(0, dueMs - services.clock.now().getTime()),
  });
}

export async function planCommanderNudge(ctx: PagingContext, state: IncidentState): Promise<void> {
  const { services } = ctx;
  const after = policyFor(services.config.severities, state.severity).commanderNudgeMs;
  if (after === undefined || state.roles.commander) return;
  const job: ReminderJob = { kind: 'commander', ref: state.ref };
  await services.jobs.enqueue(PAGING_JOBS.reminder, job, {
    jobId: pagingJobId.commanderReminder(state.ref),
    delayMs: Math.max(0, Date.parse(state.declaredAt) + after - services.clock.now().getTime()),
  });
}
