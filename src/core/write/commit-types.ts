import type { IncidentStore } from '../../ports/incident-store.ts';
import type { Metrics } from '../../ports/metrics.ts';
import type { Reply } from '../commands/reply.ts';
import type { UserError } from '../errors.ts';
import type { Actor, IncidentEvent, Origin } from '../model/events.ts';
import type { IncidentRef, WorkspaceRef } from '../model/incident-ref.ts';
import type { IncidentState } from '../model/incident-state.ts';
import type { Clock } from '../time/clock.ts';
import type { Decide, STALE_VIEW } from './decision.ts';

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
  /**
   * Called once the write has its place in the incident's write queue: anything written to the
   * incident later lands after it. The channel's next command may start from then on.
   */
  sequenced?: () => void;
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
