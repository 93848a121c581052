import { SystemError } from '../errors.ts';
import type { Actor, IncidentEvent, IncidentEventBody, Origin } from '../model/events.ts';
import { type IncidentRef, incidentKey } from '../model/incident-ref.ts';
import type { IncidentState } from '../model/incident-state.ts';
import type { CommitDeps, CommitInput, CommitOutcome } from './commit-types.ts';
import { contentionBackoff } from './contention-backoff.ts';
import { type Decision, STALE_VIEW } from './decision.ts';

const MAX_WRITE_ATTEMPTS = 60;

/**
 * One command's write to an incident, alone: decided on this process's own fold unread first (a
 * note then costs one round trip: the append checks nothing came after that fold, or says `stale`
 * and the next attempt reads), re-decided on fresh state when another writer got there first.
 */
export async function commitAlone<V>(
  deps: CommitDeps,
  ref: IncidentRef,
  input: CommitInput<V>,
  now: Date,
): Promise<CommitOutcome> {
  for (let attempt = 0; attempt < MAX_WRITE_ATTEMPTS; attempt++) {
    const cached = attempt === 0 && !input.view ? deps.store.cachedState?.(ref) : undefined;
    const state = cached ?? (await deps.store.state(ref));
    if (!state) throw new SystemError('incident_missing', `incident ${incidentKey(ref)} has no log`);
    const view = input.view ? await input.view(deps.store, state) : (undefined as V);
    if (view === STALE_VIEW) continue;
    const decided = input.decide(state, view as V);
    if (!decided.ok) return { status: 'refused', error: decided.error };
    if (decided.value.events.length === 0) return unchanged(state, decided.value);
    const events = stampAll(decided.value, input, state, now);
    const result = await deps.store.append({
      ref: state.ref,
      expectedRevision: state.revision,
      events,
      basis: { lastEventId: state.lastEventId, strict: cached !== undefined },
      ...(input.deliveryKey === undefined ? {} : { deliveryKey: input.deliveryKey }),
    });
    if (result.status === 'duplicate') return { status: 'duplicate' };
    if (result.status === 'stale') continue;
    if (result.status === 'appended') {
      // MTTA/MTTR are measured here, where every acknowledgement and resolution passes once stored.
      deps.metrics?.incidentEventsAppended(state, events);
      return committed(state.ref, decided.value, events, state, events.length, result.feedId);
    }
    await contentionBackoff(attempt);
  }
  throw new SystemError('write_contention', 'could not record: too many concurrent writers');
}

/** The decision's events stamped with the command's actor, origin (the incident's channel by default) and time. */
export function stampAll(
  decision: Decision,
  input: Pick<CommitInput<unknown>, 'actor' | 'origin'>,
  state: IncidentState,
  now: Date,
): IncidentEvent[] {
  const origin = input.origin ?? {
    platform: state.ref.platform,
    workspace: state.ref.workspace,
    channel: state.channel?.id ?? state.originChannel,
  };
  return decision.events.map((body) => stamp(body, input.actor, origin, now));
}

export function committed(
  ref: IncidentRef,
  decision: Decision,
  events: IncidentEvent[],
  before?: IncidentState,
  written = events.length,
  feedId?: string,
): CommitOutcome {
  const reply = typeof decision.reply === 'function' ? decision.reply(ref) : decision.reply;
  return {
    status: 'committed',
    ref,
    events,
    written,
    ...(feedId === undefined ? {} : { feedId }),
    ...(before === undefined ? {} : { before }),
    ...(reply === undefined ? {} : { reply }),
  };
}

export function unchanged(
  state: IncidentState | undefined,
  decision: Decision,
  ref = state?.ref,
): CommitOutcome {
  const reply =
    typeof decision.reply === 'function' ? (ref ? decision.reply(ref) : undefined) : decision.reply;
  return {
    status: 'unchanged',
    ...(ref === undefined ? {} : { ref }),
    ...(state === undefined ? {} : { state }),
    ...(reply === undefined ? {} : { reply }),
  };
}

export function stamp(body: IncidentEventBody, actor: Actor, origin: Origin, now: Date): IncidentEvent {
  return { ...body, at: now.toISOString(), actor, origin };
}
