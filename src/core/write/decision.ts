import type { Reply } from '../commands/reply.ts';
import type { Result } from '../errors.ts';
import type { IncidentEventBody } from '../model/events.ts';
import type { IncidentRef } from '../model/incident-ref.ts';
import type { IncidentState } from '../model/incident-state.ts';

/**
 * What a decider returns: the events to append (none is a valid answer) and the reply. A reply
 * that needs to know the incident it was recorded in (a declaration's number) is a function of it.
 */
export interface Decision {
  events: IncidentEventBody[];
  reply?: Reply | ((ref: IncidentRef) => Reply);
}

/**
 * Decides against the state (and, for system decisions, a view of the log read with it). Pure:
 * no I/O, the time comes in the context. Commit calls it again on fresh state after contention.
 */
export type Decide<V = undefined> = (state: IncidentState | undefined, view: V) => Result<Decision>;

/** Returned by a view loader when the state and the view it read disagree: read both again. */
export const STALE_VIEW = Symbol('stale-view');
