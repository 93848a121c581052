import type { IncidentEvent, StoredEvent } from '../../src/core/model/events.ts';
import { type IncidentRef, incidentKey, type WorkspaceRef } from '../../src/core/model/incident-ref.ts';
import { foldIncident, type IncidentState } from '../../src/core/model/incident-state.ts';
import type { EventFeed, FeedEntry } from '../../src/ports/event-feed.ts';
import type {
  AppendRequest,
  AppendResult,
  DeclareInput,
  DeclareResult,
  IncidentStore,
} from '../../src/ports/incident-store.ts';

interface Log {
  ref: IncidentRef;
  events: StoredEvent[];
  revision: number;
  seen: Set<string>;
}

/**
 * The IncidentStore port in memory, with the same atomic semantics as the Redis scripts (delivery
 * check, revision check, append and feed entry in one step), for unit tests of the core.
 * `beforeAppend` runs inside each append before its checks: a test makes another writer get there
 * first, or makes the store fail.
 */
export class MemoryIncidentStore implements IncidentStore {
  readonly feed = new MemoryEventFeed();
  beforeAppend: ((request: AppendRequest) => void) | undefined;
  appends = 0;
  private readonly logs = new Map<string, Log>();
  private readonly delivered = new Set<string>();
  private readonly channels = new Map<string, number>();
  private readonly sequences = new Map<string, number>();
  private nextId = 1;

  async declare(input: DeclareInput, deliveryKey?: string): Promise<DeclareResult> {
    if (deliveryKey !== undefined && this.delivered.has(deliveryKey)) return { status: 'duplicate' };
    const workspaceKey = `${input.workspace.platform}:${input.workspace.workspace}`;
    const number = (this.sequences.get(workspaceKey) ?? 0) + 1;
    this.sequences.set(workspaceKey, number);
    const ref: IncidentRef = { ...input.workspace, number };
    const event = this.stored({
      at: input.at.toISOString(),
      actor: input.actor,
      origin: input.origin,
      ...input.body,
      number,
    });
    this.logs.set(incidentKey(ref), { ref, events: [event], revision: 1, seen: new Set() });
    if (deliveryKey !== undefined) this.delivered.add(deliveryKey);
    this.feed.push(ref, [event], 0);
    return { status: 'appended', state: (await this.state(ref)) as IncidentState };
  }

  async append(request: AppendRequest): Promise<AppendResult> {
    this.beforeAppend?.(request);
    this.appends += 1;
    const log = this.logOf(request.ref);
    if (request.deliveryKey !== undefined && this.delivered.has(request.deliveryKey)) {
      return { status: 'duplicate' };
    }
    if (request.expectedRevision !== undefined && log.revision !== request.expectedRevision) {
      return { status: 'conflict' };
    }
    const written: StoredEvent[] = [];
    for (const event of request.events) {
      if (request.expectedRevision === undefined && event.type === 'message_captured') {
        if (log.seen.has(event.messageId)) continue;
        log.seen.add(event.messageId);
      }
      written.push(this.stored(event));
    }
    if (written.length === 0)
      return request.deliveryKey === undefined ? { status: 'appended', written: 0 } : { status: 'duplicate' };
    const revisionBefore = log.revision;
    log.events.push(...written);
    if (request.expectedRevision !== undefined) log.revision += written.length;
    if (request.deliveryKey !== undefined) this.delivered.add(request.deliveryKey);
    const feedId = this.feed.push(request.ref, written, revisionBefore);
    return { status: 'appended', written: written.length, ...(feedId === undefined ? {} : { feedId }) };
  }

  async markDelivered(deliveryKey: string): Promise<boolean> {
    if (this.delivered.has(deliveryKey)) return false;
    this.delivered.add(deliveryKey);
    return true;
  }

  async read(ref: IncidentRef): Promise<StoredEvent[]> {
    return [...(this.logs.get(incidentKey(ref))?.events ?? [])];
  }

  async *scan(ref: IncidentRef, _pageSize?: number, after?: string): AsyncIterable<StoredEvent[]> {
    const events = await this.read(ref);
    const from = after === undefined ? 0 : events.findIndex((event) => event.id === after) + 1;
    if (from < events.length) yield events.slice(from);
  }

  async range(ref: IncidentRef, from: string, to: string): Promise<StoredEvent[]> {
    const [low, high] = [sequenceOf(from), sequenceOf(to)];
    return (await this.read(ref)).filter(
      (event) => sequenceOf(event.id) >= low && sequenceOf(event.id) <= high,
    );
  }

  async state(ref: IncidentRef): Promise<IncidentState | undefined> {
    const events = await this.read(ref);
    return events.length === 0 ? undefined : foldIncident(ref, events);
  }

  async linkChannel(ref: IncidentRef, channel: string): Promise<void> {
    this.channels.set(`${ref.platform}:${ref.workspace}|${channel}`, ref.number);
  }

  async findByChannel(workspace: WorkspaceRef, channel: string): Promise<IncidentRef | undefined> {
    const number = this.channels.get(`${workspace.platform}:${workspace.workspace}|${channel}`);
    return number === undefined
      ? undefined
      : { platform: workspace.platform, workspace: workspace.workspace, number };
  }

  async openIncidents(workspace: WorkspaceRef): Promise<IncidentRef[]> {
    const open: IncidentRef[] = [];
    for (const ref of await this.allIncidents(workspace)) {
      if ((await this.state(ref))?.status !== 'resolved') open.push(ref);
    }
    return open;
  }

  async allIncidents(workspace: WorkspaceRef): Promise<IncidentRef[]> {
    return [...this.logs.values()]
      .map((log) => log.ref)
      .filter((ref) => ref.platform === workspace.platform && ref.workspace === workspace.workspace);
  }

  async workspaces(): Promise<WorkspaceRef[]> {
    return [...this.sequences.keys()].map((key) => {
      const split = key.indexOf(':');
      return { platform: key.slice(0, split), workspace: key.slice(split + 1) };
    });
  }

  private logOf(ref: IncidentRef): Log {
    const log = this.logs.get(incidentKey(ref));
    if (!log) throw new Error(`no log for ${incidentKey(ref)}`);
    return log;
  }

  private stored(event: IncidentEvent): StoredEvent {
    return { ...event, id: `${this.nextId++}-0` };
  }
}

/** The feed as a consumer group in memory: entries are delivered, stay pending, and are acknowledged. */
export class MemoryEventFeed implements EventFeed {
  private readonly entries: { entry: FeedEntry; consumer?: string; deliveredAt?: number }[] = [];
  private nextId = 1;

  push(ref: IncidentRef, events: readonly StoredEvent[], revisionBefore: number): string | undefined {
    const first = events[0];
    const last = events.at(-1);
    if (!first || !last) return undefined;
    const id = `${this.nextId++}-0`;
    this.entries.push({
      entry: {
        id,
        ref,
        from: first.id,
        to: last.id,
        revisionBefore,
        types: [...new Set(events.map((event) => event.type))],
      },
    });
    return id;
  }

  async open(): Promise<void> {}

  async read(consumer: string, count: number, blockMs: number): Promise<FeedEntry[]> {
    const fresh = this.entries.filter((item) => item.consumer === undefined).slice(0, count);
    // Blocks a little when there is nothing, as XREADGROUP BLOCK does, so a reactor loop idles.
    if (fresh.length === 0 && blockMs > 0)
      await new Promise((resolve) => setTimeout(resolve, Math.min(blockMs, 10)));
    for (const item of fresh) {
      item.consumer = consumer;
      item.deliveredAt = Date.now();
    }
    return fresh.map((item) => item.entry);
  }

  async pending(consumer: string, count: number): Promise<FeedEntry[]> {
    return this.entries
      .filter((item) => item.consumer === consumer)
      .slice(0, count)
      .map((item) => item.entry);
  }

  async claimStale(consumer: string, minIdleMs: number, count: number): Promise<FeedEntry[]> {
    const stale = this.entries
      .filter((item) => item.deliveredAt !== undefined && Date.now() - item.deliveredAt >= minIdleMs)
      .slice(0, count);
    for (const item of stale) {
      item.consumer = consumer;
      item.deliveredAt = Date.now();
    }
    return stale.map((item) => item.entry);
  }

  async ack(ids: readonly string[]): Promise<void> {
    for (const id of ids) {
      const at = this.entries.findIndex((item) => item.entry.id === id);
      if (at !== -1) this.entries.splice(at, 1);
    }
  }

  async isDone(id: string): Promise<boolean> {
    return !this.entries.some((item) => item.entry.id === id);
  }

  async backlog(): Promise<number> {
    return this.entries.length;
  }

  async close(): Promise<void> {}
}

function sequenceOf(id: string): number {
  return Number(id.split('-')[0]);
}
