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

/** The append-only incident log, and the few indexes that make it findable. */
export interface IncidentStore {
  /** Allocates the next number in the workspace and writes the `declared` event. */
  declare(input: DeclareInput): Promise<IncidentState>;
  /** Appends state-changing events only if nobody else did since `expectedRevision`. */
  appendIfRevision(ref: IncidentRef, expectedRevision: number, events: IncidentEvent[]): Promise<boolean>;
  /** Appends channel chatter; a message id already captured is skipped. Returns what was written. */
  appendChatter(ref: IncidentRef, events: IncidentEvent[]): Promise<number>;
  read(ref: IncidentRef): Promise<StoredEvent[]>;
  /** Streams the log in pages so a 100k-message incident never sits in memory twice. */
  scan(ref: IncidentRef, pageSize?: number): AsyncIterable<StoredEvent[]>;
  state(ref: IncidentRef): Promise<IncidentState | undefined>;
  linkChannel(ref: IncidentRef, channel: string): Promise<void>;
  findByChannel(workspace: WorkspaceRef, channel: string): Promise<IncidentRef | undefined>;
  openIncidents(workspace: WorkspaceRef): Promise<IncidentRef[]>;
  allIncidents(workspace: WorkspaceRef): Promise<IncidentRef[]>;
  workspaces(): Promise<WorkspaceRef[]>;
  /** True the first time a key is seen within the window: deduplicates platform retries. */
  firstSeen(key: string, ttlSeconds: number): Promise<boolean>;
}
