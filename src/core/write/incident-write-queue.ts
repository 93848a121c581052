import type { IncidentStore } from '../../ports/incident-store.ts';
import { SystemError } from '../errors.ts';
import { type IncidentRef, incidentKey } from '../model/incident-ref.ts';
import { foldIncident, type IncidentState } from '../model/incident-state.ts';
import { commitAlone, committed, stampAll, unchanged } from './commit-alone.ts';
import type { CommitDeps, CommitInput, CommitOutcome } from './commit-types.ts';
import type { Decision } from './decision.ts';

interface Waiting {
  input: CommitInput<unknown>;
  now: Date;
  resolve(outcome: CommitOutcome): void;
  reject(error: unknown): void;
}

type Settled = { ok: true; outcome: CommitOutcome } | { ok: false; error: unknown };

/** Enough for any burst a channel sends in one round trip; the script's arguments stay small. */
const MAX_GROUP = 100;

const queues = new WeakMap<IncidentStore, IncidentWriteQueue>();

/** The write queue of a store: one per store, so every writer in the process shares it. */
export function writeQueueOf(store: IncidentStore): IncidentWriteQueue {
  let queue = queues.get(store);
  if (!queue) {
    queue = new IncidentWriteQueue();
    queues.set(store, queue);
  }
  return queue;
}

/**
 * Group commit for commands (the chatter batcher's counterpart): writes to one incident go in the
 * order they joined, and those that queue up while a write is on its way are decided one after
 * another on the state the earlier ones leave, then appended in one atomic step. Fifty notes typed
 * at once then cost a few round trips, not fifty, and each still gets its own outcome. A group that
 * cannot be appended as decided (another process wrote, a delivery seen before) is written again
 * one command at a time, in the same order, as if it had never been grouped.
 */
export class IncidentWriteQueue {
  private readonly waiting = new Map<string, Waiting[]>();
  private readonly draining = new Map<string, Promise<void>>();

  /**
   * Resolves once every write queued for the incident so far is in the log (or failed): what reads
   * the log for an answer waits for it, so a command typed right after a note sees that note.
   */
  idle(ref: IncidentRef): Promise<void> {
    return this.draining.get(incidentKey(ref)) ?? Promise.resolve();
  }

  join(ref: IncidentRef, input: CommitInput<unknown>, now: Date, deps: CommitDeps): Promise<CommitOutcome> {
    return new Promise((resolve, reject) => {
      const key = incidentKey(ref);
      const entry = { input, now, resolve, reject };
      const queue = this.waiting.get(key);
      if (queue) queue.push(entry);
      else {
        this.waiting.set(key, [entry]);
        const drained = this.drain(key, ref, deps).finally(() => {
          if (this.draining.get(key) === drained) this.draining.delete(key);
        });
        this.draining.set(key, drained);
      }
      input.sequenced?.();
    });
  }

  private async drain(key: string, ref: IncidentRef, deps: CommitDeps): Promise<void> {
    for (;;) {
      const pending = this.waiting.get(key);
      if (!pending || pending.length === 0) {
        this.waiting.delete(key);
        return;
      }
      const group = takeGroup(pending);
      const settled = group.length === 1 ? await alone(deps, ref, group) : await together(deps, ref, group);
      settled.forEach((result, index) => {
        const entry = group[index] as Waiting;
        if (result.ok) entry.resolve(result.outcome);
        else entry.reject(result.error);
      });
    }
  }
}

/** The next group: consecutive writes without a log view (a view is read per decision, so those go alone). */
function takeGroup(pending: Waiting[]): Waiting[] {
  if (pending[0]?.input.view) return pending.splice(0, 1);
  let size = 0;
  while (size < pending.length && size < MAX_GROUP && !pending[size]?.input.view) size++;
  return pending.splice(0, size);
}

async function alone(deps: CommitDeps, ref: IncidentRef, group: Waiting[]): Promise<Settled[]> {
  const settled: Settled[] = [];
  for (const entry of group) {
    try {
      settled.push({ ok: true, outcome: await commitAlone(deps, ref, entry.input, entry.now) });
    } catch (error) {
      settled.push({ ok: false, error });
    }
  }
  return settled;
}

interface Member {
  index: number;
  decision: Decision;
  events: ReturnType<typeof stampAll>;
  before: IncidentState;
}

async function together(deps: CommitDeps, ref: IncidentRef, group: Waiting[]): Promise<Settled[]> {
  if (!deps.store.appendGroup) return alone(deps, ref, group);
  let base: IncidentState | undefined;
  const cached = deps.store.cachedState?.(ref);
  try {
    base = cached ?? (await deps.store.state(ref));
  } catch (error) {
    return group.map(() => ({ ok: false, error }));
  }
  if (!base) {
    const error = new SystemError('incident_missing', `incident ${incidentKey(ref)} has no log`);
    return group.map(() => ({ ok: false, error }));
  }
  const settled: Settled[] = [];
  const members: Member[] = [];
  let running = base;
  for (const [index, entry] of group.entries()) {
    let decided: ReturnType<CommitInput<unknown>['decide']>;
    try {
      decided = entry.input.decide(running, undefined);
    } catch {
      // A decider that throws gets its own answer: everyone is written alone, this one fails alone.
      return alone(deps, ref, group);
    }
    if (!decided.ok) settled[index] = { ok: true, outcome: { status: 'refused', error: decided.error } };
    else if (decided.value.events.length === 0)
      settled[index] = { ok: true, outcome: unchanged(running, decided.value) };
    else {
      const events = stampAll(decided.value, entry.input, running, entry.now);
      members.push({ index, decision: decided.value, events, before: running });
      // The next decision sees this one's events; the ids stand in until Redis gives the real ones.
      const provisional = events.map((event, k) => ({
        ...event,
        id: `${running.lastEventId}+${index}.${k}`,
      }));
      running = foldIncident(ref, provisional, running) ?? running;
    }
  }
  if (members.length === 0) return settled;
  let result: Awaited<ReturnType<NonNullable<IncidentStore['appendGroup']>>>;
  try {
    result = await deps.store.appendGroup({
      ref,
      expectedRevision: base.revision,
      segments: members.map(({ index, events }) => {
        const { deliveryKey } = (group[index] as Waiting).input;
        return { events, ...(deliveryKey === undefined ? {} : { deliveryKey }) };
      }),
      basis: { lastEventId: base.lastEventId, strict: cached !== undefined },
    });
  } catch (error) {
    return group.map(() => ({ ok: false, error }));
  }
  if (result.status !== 'appended') return alone(deps, ref, group);
  for (const { index, decision, events, before } of members) {
    deps.metrics?.incidentEventsAppended(before, events);
    settled[index] = {
      ok: true,
      outcome: committed(ref, decision, events, before, events.length, result.feedId),
    };
  }
  return settled;
}
