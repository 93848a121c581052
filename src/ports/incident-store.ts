import type { Actor, IncidentEvent, IncidentEventBody, Origin, StoredEvent } from '../core/model/events.ts';
import type { IncidentRef, WorkspaceRef } from '../core/model/incident-ref.ts';
import type { IncidentState } from '../core/model/incident-state.ts';

export interface DeclareInput {
  workspace: WorkspaceRef;
  actor: Actor;
  origin: Origin;
  at: Date;
  body: Omit<Extract<IncidentEventBody, { type: 'declared' }>, 'number'>;
}

/** One atomic write to an incident's log: the only way events get into it. */
export interface AppendRequest {
  ref: IncidentRef;
  /**
   * Written only if nobody appended a state-changing event since this revision. Left out for
   * chatter, which never changes the revision (a captured message id seen before is skipped).
   */
  expectedRevision?: number;
  events: IncidentEvent[];
  /** A delivery id, marked done in the same atomic write: seen before, nothing is written. */
  deliveryKey?: string;
  /**
   * The last stream id of the state the decision was made on. `strict`: that state came from the
   * process cache unread, so anything appended since (chatter too) makes the append `stale`.
   */
  basis?: { lastEventId: string; strict: boolean };
}

export type AppendResult =
  /** `feedId`: the feed entry the reactions run from (revision-checked appends report it). */
  | { status: 'appended'; written: number; feedId?: string }
  | { status: 'conflict' }
  | { status: 'duplicate' }
  /** A strict basis was behind the log: decide again on a fresh read. */
  | { status: 'stale' };

export type DeclareResult = { status: 'appended'; state: IncidentState } | { status: 'duplicate' };

/** The append-only incident log, and the few indexes that make it findable. */
export interface IncidentStore {
  /** Allocates the next number in the workspace and writes its `declared` event, atomically. */
  declare(input: DeclareInput, deliveryKey?: string): Promise<DeclareResult>;
  /** Appends atomically, with the revision and delivery checks of the request. */
  append(request: AppendRequest): Promise<AppendResult>;
  /**
   * Marks a delivery done that wrote nothing (a query, a refusal). False when it was already, also
   * by an append of that delivery to `ref` when given.
   */
  markDelivered(deliveryKey: string, ref?: IncidentRef): Promise<boolean>;
  read(ref: IncidentRef): Promise<StoredEvent[]>;
  /** Streams the log in pages so a 100k-message incident never sits in memory twice. */
  scan(ref: IncidentRef, pageSize?: number, after?: string): AsyncIterable<StoredEvent[]>;
  /** Events with stream ids from `from` to `to`, both included. */
  range(ref: IncidentRef, from: string, to: string): Promise<StoredEvent[]>;
  state(ref: IncidentRef): Promise<IncidentState | undefined>;
  /**
   * The state as this process last folded it, without asking the store: possibly behind. Only for
   * a decision whose append is checked against it (`basis.strict`).
   */
  cachedState?(ref: IncidentRef): IncidentState | undefined;
  linkChannel(ref: IncidentRef, channel: string): Promise<void>;
  findByChannel(workspace: WorkspaceRef, channel: string): Promise<IncidentRef | undefined>;
  openIncidents(workspace: WorkspaceRef): Promise<IncidentRef[]>;
  allIncidents(workspace: WorkspaceRef): Promise<IncidentRef[]>;
  workspaces(): Promise<WorkspaceRef[]>;
}
