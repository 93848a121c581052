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
  const key = incidentKey(before.ref);
  await services.jobs.enqueue(
    'refresh-summary',
    { ...before.ref },
    { jobId: `summary:${key}:${events.at(-1)?.at}` },
  );
}
