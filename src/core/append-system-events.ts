import { contentionBackoff } from './contention-backoff.ts';
import type { CoreServices } from './core-services.ts';
import { SystemError } from './errors.ts';
import type { Actor, IncidentEvent, IncidentEventBody } from './model/events.ts';
import type { IncidentRef } from './model/incident-ref.ts';
import type { IncidentState } from './model/incident-state.ts';
import { afterAppend } from './reactions.ts';

/** The bot itself, as the actor of what it does on its own (links, escalations, reminders). */
export const BOT_ACTOR: Actor = { id: 'tocsin', name: 'tocsin' };

/** Returned by `decide` when what it read is already stale: read again and decide again. */
export const DECIDE_AGAIN = Symbol('decide-again');

type Decision = IncidentEventBody[] | undefined | typeof DECIDE_AGAIN;

/**
 * Appends events the system decides on (not a person's command), re-deciding against fresh
 * state whenever another writer got there first. `decide` returns nothing to skip.
 */
export async function appendSystemEvents(
  services: CoreServices,
  ref: IncidentRef,
  decide: (state: IncidentState) => Decision | Promise<Decision>,
): Promise<IncidentEvent[]> {
  for (let attempt = 0; attempt < 60; attempt++) {
    const state = await services.store.state(ref);
    if (!state)
      throw new SystemError(
        'incident_missing',
        `incident ${ref.platform}:${ref.workspace}:${ref.number} has no log`,
      );
    const bodies = await decide(state);
    if (bodies === DECIDE_AGAIN) continue;
    if (!bodies || bodies.length === 0) return [];
    const at = services.clock.now().toISOString();
    const origin = {
      platform: ref.platform,
      workspace: ref.workspace,
      channel: state.channel?.id ?? state.originChannel,
    };
    const events = bodies.map((body): IncidentEvent => ({ ...body, at, actor: BOT_ACTOR, origin }));
    if (await services.store.appendIfRevision(ref, state.revision, events)) {
      await afterAppend(services, state, events);
      return events;
    }
    await contentionBackoff(attempt);
  }
  throw new SystemError('write_contention', 'could not append system events: too many concurrent writers');
}
