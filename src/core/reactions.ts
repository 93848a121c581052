import { declaredFollowUp, pagingFollowUps } from '../paging/paging-follow-ups.ts';
import type { CoreServices } from './core-services.ts';
import type { IncidentEvent } from './model/events.ts';
import { incidentKey } from './model/incident-ref.ts';
import type { IncidentState } from './model/incident-state.ts';

/**
 * What follows from events once they are safely in the log. Only durable jobs are started
 * here, so a crash after the append still leaves the follow-up work queued.
 */
export async function afterAppend(
  services: CoreServices,
  before: IncidentState,
  events: readonly IncidentEvent[],
): Promise<void> {
  if (events.length === 0) return;
  // MTTA/MTTR are measured here, where every acknowledgement and resolution passes once it is stored.
  services.metrics?.incidentEventsAppended(before, events);
  const key = incidentKey(before.ref);
  await services.jobs.enqueue(
    'refresh-summary',
    { ...before.ref },
    { jobId: `summary:${key}:${events.at(-1)?.at}` },
  );
  // Paging: deliveries for pages, and what acks, resolves and severity changes set in motion.
  for (const job of pagingFollowUps(before, events)) {
    await services.jobs.enqueue(job.name, job.data, { jobId: job.jobId });
  }
}

/** What follows a declaration (written by the store, not appended): paging per the severity's policy. */
export async function afterDeclare(services: CoreServices, declared: IncidentState): Promise<void> {
  const job = declaredFollowUp(declared.ref);
  await services.jobs.enqueue(job.name, job.data, { jobId: job.jobId });
}
