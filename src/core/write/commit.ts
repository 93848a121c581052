import { SystemError } from '../errors.ts';
import type { IncidentRef, WorkspaceRef } from '../model/incident-ref.ts';
import { committed, stamp, unchanged } from './commit-alone.ts';
import type { CommitDeps, CommitInput, CommitOutcome } from './commit-types.ts';
import { writeQueueOf } from './incident-write-queue.ts';

export type { CommitDeps, CommitInput, CommitOutcome, CommitTarget } from './commit-types.ts';

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
  // Every write to one incident joins its queue; commands that queue up behind a write in flight
  // are decided and appended together (see IncidentWriteQueue).
  return writeQueueOf(deps.store).join(target.ref, input as CommitInput<unknown>, now, deps);
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
