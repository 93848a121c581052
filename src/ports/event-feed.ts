import type { IncidentEventType } from '../core/model/events.ts';
import type { IncidentRef } from '../core/model/incident-ref.ts';

/**
 * One entry per append, written in the same atomic step as the events: which incident, which
 * stream ids, and the revision before them. Reactions are driven from this feed, so an event that
 * is in the log always gets its reactions, whatever crashed after the append.
 */
export interface FeedEntry {
  /** The feed's own id: acknowledged once every reaction to the append has run. */
  id: string;
  ref: IncidentRef;
  /** First and last stream id of the appended events. */
  from: string;
  to: string;
  /** The incident's revision before the append (state-changing events count up from it). */
  revisionBefore: number;
  types: IncidentEventType[];
}

/** The feed as a consumer group: each entry goes to one consumer until it is acknowledged. */
export interface EventFeed {
  /** Creates the group if needed (from the start of the feed, so nothing logged is skipped). */
  open(): Promise<void>;
  /** New entries for this consumer; waits up to `blockMs` when there are none. */
  read(consumer: string, count: number, blockMs: number): Promise<FeedEntry[]>;
  /** Entries delivered to this consumer and not acknowledged yet (a reaction failed, Redis went away). */
  pending(consumer: string, count: number): Promise<FeedEntry[]>;
  /** Entries another consumer took and did not acknowledge for `minIdleMs` (it crashed, or failed). */
  claimStale(consumer: string, minIdleMs: number, count: number): Promise<FeedEntry[]>;
  ack(ids: readonly string[]): Promise<void>;
  /** True once the entry is acknowledged: every reaction to it ran, in whichever process. */
  isDone(id: string): Promise<boolean>;
  /** Entries not yet acknowledged, delivered or not: 0 means every reaction ran. */
  backlog(): Promise<number>;
  /** Stops a blocking read (shutdown). */
  close(): Promise<void>;
}
