import type { IncidentStore } from '../ports/incident-store.ts';
import type { CoreServices } from './core-services.ts';
import { ok } from './errors.ts';
import type { Actor, IncidentEvent, IncidentEventBody } from './model/events.ts';
import type { IncidentRef } from './model/incident-ref.ts';
import type { IncidentState } from './model/incident-state.ts';
import { commit } from './write/commit.ts';
import { STALE_VIEW } from './write/decision.ts';

/** The bot itself, as the actor of what it does on its own (links, escalations, reminders). */
export const BOT_ACTOR: Actor = { id: 'tocsin', name: 'tocsin' };

export { STALE_VIEW };

/**
 * Commits events the system decides on (not a person's command) as the bot, in the incident's
 * channel. `decide` is pure and returns nothing to skip; `view` reads what it needs besides the
 * state (the paging log), re-read with the state after contention.
 */
export async function appendSystemEvents<V = undefined>(
  services: Pick<CoreServices, 'store' | 'clock' | 'metrics'>,
  ref: IncidentRef,
  decide: (state: IncidentState, view: V) => IncidentEventBody[] | undefined,
  view?: (store: IncidentStore, state: IncidentState) => Promise<V | typeof STALE_VIEW>,
): Promise<IncidentEvent[]> {
  const outcome = await commit<V>(services, {
    target: { kind: 'incident', ref },
    actor: BOT_ACTOR,
    ...(view === undefined ? {} : { view }),
    decide: (state, read) => ok({ events: state ? (decide(state, read) ?? []) : [] }),
  });
  return outcome.status === 'committed' ? outcome.events : [];
}
