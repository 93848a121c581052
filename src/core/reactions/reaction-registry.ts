import type { IncidentEventType, StoredEvent } from '../model/events.ts';
import type { IncidentRef } from '../model/incident-ref.ts';

/** One logged event, as a reaction sees it. */
export interface ReactionInput {
  ref: IncidentRef;
  event: StoredEvent;
  /** The revision of this event (for chatter: the revision it was said at). */
  revision: number;
}

/**
 * Follow-up work for one event. Idempotent by event id: after a crash it may run again for the
 * same event, so what it starts carries an id derived from the event (a job id, a file name).
 */
export type Reaction = (input: ReactionInput) => Promise<void>;

interface Registered {
  name: string;
  types: ReadonlySet<IncidentEventType>;
  reaction: Reaction;
  /** Run once per incident per batch of appends, with the latest event: a summary refresh. */
  coalesced: boolean;
}

/** The reactions of the running app, keyed by event type; the composition root registers them. */
export class ReactionRegistry {
  private readonly registered: Registered[] = [];

  /** Reacts to every event of these types. */
  on(types: IncidentEventType | readonly IncidentEventType[], name: string, reaction: Reaction): this {
    this.registered.push({ name, types: new Set(asList(types)), reaction, coalesced: false });
    return this;
  }

  /** Reacts once per incident to a batch of such events, with the latest of them. */
  onLatest(types: readonly IncidentEventType[], name: string, reaction: Reaction): this {
    this.registered.push({ name, types: new Set(types), reaction, coalesced: true });
    return this;
  }

  /** True when something reacts to at least one of these types. */
  handlesAny(types: readonly IncidentEventType[]): boolean {
    return this.registered.some((entry) => types.some((type) => entry.types.has(type)));
  }

  forEvent(type: IncidentEventType): readonly Registered[] {
    return this.registered.filter((entry) => !entry.coalesced && entry.types.has(type));
  }

  coalescedFor(type: IncidentEventType): readonly Registered[] {
    return this.registered.filter((entry) => entry.coalesced && entry.types.has(type));
  }
}

function asList<T>(value: T | readonly T[]): readonly T[] {
  return Array.isArray(value) ? value : [value as T];
}
