import type { IncidentEventType } from '../core/model/events.ts';
import type { ReactionRegistry } from '../core/reactions/reaction-registry.ts';
import type { IncidentStore } from '../ports/incident-store.ts';
import type { OpenSeverityIndex } from '../storage/redis/open-severity-index.ts';

/** The events after which an incident's place in the open-incidents gauge may have changed. */
const OPEN_COUNT_TYPES: readonly IncidentEventType[] = [
  'declared',
  'severity_changed',
  'resolved',
  'reopened',
];

/**
 * Keeps the open-incidents index as incidents change: a reaction (so each change is counted once
 * across replicas, after a crash too), coalesced per incident, writing its current state.
 */
export function trackOpenIncidents(
  registry: ReactionRegistry,
  store: Pick<IncidentStore, 'state'>,
  index: OpenSeverityIndex,
): void {
  registry.onLatest(OPEN_COUNT_TYPES, 'count-open-incidents', async ({ ref }) => {
    const state = await store.state(ref);
    if (state) await index.record(state);
  });
}
