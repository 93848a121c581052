import { appendSystemEvents, STALE_VIEW } from '../core/append-system-events.ts';
import type { CoreServices } from '../core/core-services.ts';
import type { IncidentEvent, IncidentEventBody } from '../core/model/events.ts';
import type { IncidentRef } from '../core/model/incident-ref.ts';
import type { IncidentState } from '../core/model/incident-state.ts';
import { type Revisioned, readPagingLog } from './paging-log.ts';

/**
 * appendSystemEvents, for decisions that need the log and not only the folded state (was this
 * step already fired? was the chain acknowledged since it started?). The decision is re-made on
 * fresh data whenever another writer got there first, so an ack racing an escalation always wins.
 */
export function appendPagingEvents(
  services: Pick<CoreServices, 'store' | 'clock' | 'metrics'>,
  ref: IncidentRef,
  decide: (log: readonly Revisioned[], state: IncidentState) => IncidentEventBody[] | undefined,
): Promise<IncidentEvent[]> {
  return appendSystemEvents<readonly Revisioned[]>(
    services,
    ref,
    (state, log) => decide(log, state),
    async (store, state) => {
      const log = await readPagingLog(store, ref);
      // The two reads are not atomic; if a write slipped in between, read again.
      return log.length === state.revision ? log : STALE_VIEW;
    },
  );
}
