import type { IncidentStore } from '../../ports/incident-store.ts';
import type { Metrics } from '../../ports/metrics.ts';
import type { Reply } from '../commands/reply.ts';
import { SystemError, type UserError } from '../errors.ts';
import type { Actor, IncidentEvent, IncidentEventBody, Origin } from '../model/events.ts';
import { type IncidentRef, incidentKey, type WorkspaceRef } from '../model/incident-ref.ts';
import type { IncidentState } from '../model/incident-state.ts';
import type { Clock } from '../time/clock.ts';
import { contentionBackoff } from './contention-backoff.ts';
import { type Decide, type Decision, STALE_VIEW } from './decision.ts';

const MAX_WRITE_ATTEMPTS = 60;

/** What commit needs: the store, the clock, and (optionally) the MTTA/MTTR metrics. */
export interface CommitDeps {
  store: IncidentStore;
  clock: Clock;
  metrics?: Metrics;
}

/**
 * Where the events go. `incident`: state-changing, revision-checked, re-decided on contention.
 * `chatter`: what people say, which never changes the revision, so it needs no state and never
 * conflicts (one round trip). `declare`: a new incident in the workspace.
 */
export type CommitTarget =
  | { kind: 'incident'; ref: IncidentRef }
  | { kind: 'chatter'; ref: IncidentRef }
  | { kind: 'declare'; workspace: WorkspaceRef };

export interface CommitInput<V> {
  target: CommitTarget;
  actor: Actor;
  /** For chatter from history: each message keeps its own author (index into the events). */
  actorOf?: (index: number) => Actor;
  /** Where it happened; left out, the incident's channel (system decisions). */
  origin?: Origin;
  /** The time stamped on the events; the clock's now when left out. */
  now?: Date;
  /** The platform's delivery id: marked done in the same atomic write as the events. */
  deliveryKey?: string;
  /** Reads a view of the log next to the state (paging decisions need the log, not only the fold). */
  view?: (store: IncidentStore, state: IncidentState) => Promise<V | typeof STALE_VIEW>;
  decide: Decide<V>;
}

export type CommitOutcome =
  | {
      status: 'committed';
      ref: IncidentRef;
      before?: IncidentState;
      events: IncidentEvent[];
      /** How many were written: chatter already captured (same message id) is skipped. */
      written: number;
      /** The feed entry its reactions run from, when the store reports it. */
      feedId?: string;
      reply?: Reply;
    }
  | { status: 'unchanged'; ref?: IncidentRef; state?: IncidentState; reply?: Reply }
  | { status: 'refused'; error: UserError }
  | { status: 'duplicate' };

/**
 * The one write path. Reads the state, lets the decider decide, stamps actor, origin and time,
 * appends with the revision and delivery checks in one atomic step, and re-decides on fresh state
 * when another writer got there first. Follow-up work is not started here: the append also wrote
 * the feed entry the reactors run from, so it happens even if this process dies right now.
 */
export async function commit<V = undefined>(deps: CommitDeps, input: CommitInput<V>): Promise<CommitOutcome> {
  const now = input.now ?? deps.clock.now();
  const { target } = input;
  if (target.kind === 'declare') return commitDeclare(deps, input, target.workspace, now);
  if (target.kind === 'chatter') return commitChatter(deps, input, target.ref, now);
  for (let attempt = 0; attempt < MAX_WRITE_ATTEMPTS; attempt++) {
    // First try on this process's own fold, unread (a note then costs one round trip): the append
    // checks that nothing at all came after it, or says `stale` and the next attempt reads.
    const cached = attempt === 0 && !input.view ? deps.store.cachedState?.(target.ref) : undefined;
    const state = cached ?? (await deps.store.state(target.ref));
    if (!state) {
      throw new SystemError('incident_missing', `incident ${incidentKey(target.ref)} has no log`);
    }
    const view = input.view ? await input.view(deps.store, state) : (undefined as V);
    if (view === STALE_VIEW) continue;
    const decided = input.decide(state, view as V);
    if (!decided.ok) return { status: 'refused', error: decided.error };
    const { events: bodies } = decided.value;
    if (bodies.length === 0) return unchanged(state, decided.value);
    const origin = input.origin ?? {
      platform: state.ref.platform,
      workspace: state.ref.workspace,
      channel: state.channel?.id ?? state.originChannel,
    };
    const events = bodies.map((body) => stamp(body, input.actor, origin, now));
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

async function commitChatter<V>(
  deps: CommitDeps,
  input: CommitInput<V>,
  ref: IncidentRef,
  now: Date,
): Promise<CommitOutcome> {
  const decided = input.decide(undefined, undefined as V);
  if (!decided.ok) return { status: 'refused', error: decided.error };
  if (decided.value.events.length === 0) return unchanged(undefined, decided.value, ref);
  if (!input.origin) throw new SystemError('origin_missing', 'chatter is committed with its origin');
  const origin = input.origin;
  const events = decided.value.events.map((body, index) =>
    stamp(body, input.actorOf?.(index) ?? input.actor, origin, now),
  );
  const result = await deps.store.append({
    ref,
    events,
    ...(input.deliveryKey === undefined ? {} : { deliveryKey: input.deliveryKey }),
  });
  if (result.status !== 'appended') return { status: 'duplicate' };
  return committed(ref, decided.value, events, undefined, result.written);
}

async function commitDeclare<V>(
  deps: CommitDeps,
  input: CommitInput<V>,
  workspace: WorkspaceRef,
  now: Date,
): Promise<CommitOutcome> {
  const decided = input.decide(undefined, undefined as V);
  if (!decided.ok) return { status: 'refused', error: decided.error };
  const [body, ...rest] = decided.value.events;
  if (body?.type !== 'declared' || rest.length > 0) {
    throw new SystemError('invalid_declaration', 'a declaration is exactly one declared event');
  }
  const { number: _number, ...declared } = body;
  const origin = input.origin ?? { ...workspace, channel: '' };
  const result = await deps.store.declare(
    { workspace, actor: input.actor, origin, at: now, body: declared },
    input.deliveryKey,
  );
  if (result.status === 'duplicate') return { status: 'duplicate' };
  return committed(result.state.ref, decided.value, [stamp(body, input.actor, origin, now)]);
}

function committed(
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

function unchanged(state: IncidentState | undefined, decision: Decision, ref = state?.ref): CommitOutcome {
  const reply =
    typeof decision.reply === 'function' ? (ref ? decision.reply(ref) : undefined) : decision.reply;
  return {
    status: 'unchanged',
    ...(ref === undefined ? {} : { ref }),
    ...(state === undefined ? {} : { state }),
    ...(reply === undefined ? {} : { reply }),
  };
}

function stamp(body: IncidentEventBody, actor: Actor, origin: Origin, now: Date): IncidentEvent {
  return { ...body, at: now.toISOString(), actor, origin };
}
