import { randomUUID } from 'node:crypto';
import type { EventFeed, FeedEntry } from '../../ports/event-feed.ts';
import type { IncidentStore } from '../../ports/incident-store.ts';
import { isChatter } from '../model/events.ts';
import { incidentKey } from '../model/incident-ref.ts';
import type { ReactionInput, ReactionRegistry } from './reaction-registry.ts';

export interface ReactorOptions {
  /** This process's name in the consumer group; unique per process by default. */
  consumer?: string;
  /** Feed entries per read. */
  batch?: number;
  /** How long a read waits for new entries. */
  blockMs?: number;
  /** An entry another consumer holds unacknowledged this long is taken over (it crashed or failed). */
  claimIdleMs?: number;
  /** A reaction that failed; its entry stays pending and is retried after `claimIdleMs`. */
  onError?: (error: unknown, entry: FeedEntry, reaction: string) => void;
}

/**
 * Runs the registered reactions from the feed the append scripts write, so every logged event
 * gets its reactions once they are acknowledged: after a crash between an append and its
 * follow-up work, and at start-up, the entry is still there (unread, or pending and claimed).
 */
export class Reactor {
  private readonly consumer: string;
  private running: Promise<void> | undefined;
  private stopping = false;
  private lastClaim = 0;
  /** Entries of ours are pending (a reaction failed, or Redis went away mid-batch): retry them. */
  private ownPending = false;
  private failures = 0;
  private retryAt = 0;

  constructor(
    private readonly feed: EventFeed,
    private readonly store: IncidentStore,
    private readonly registry: ReactionRegistry,
    private readonly options: ReactorOptions = {},
  ) {
    this.consumer = options.consumer ?? `reactor-${randomUUID().slice(0, 8)}`;
  }

  start(): void {
    if (this.running) return;
    this.stopping = false;
    this.running = this.loop();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.feed.close();
    await this.running?.catch(() => {});
    this.running = undefined;
  }

  /** Processes what is in the feed now, without waiting for more: for tests and tools. */
  async drain(): Promise<number> {
    await this.feed.open();
    let processed = 0;
    for (;;) {
      const entries = [
        ...(await this.feed.claimStale(this.consumer, 0, this.batchSize())),
        ...(await this.feed.read(this.consumer, this.batchSize(), 0)),
      ];
      if (entries.length === 0) return processed;
      await this.process(entries);
      processed += entries.length;
    }
  }

  private batchSize(): number {
    return this.options.batch ?? 100;
  }

  private async loop(): Promise<void> {
    await this.feed.open();
    const claimIdleMs = this.options.claimIdleMs ?? 30_000;
    while (!this.stopping) {
      try {
        if (this.ownPending && Date.now() >= this.retryAt) {
          const mine = await this.feed.pending(this.consumer, this.batchSize());
          if (mine.length === 0) this.ownPending = false;
          else await this.process(mine);
        }
        if (Date.now() - this.lastClaim >= Math.min(claimIdleMs, 5_000)) {
          this.lastClaim = Date.now();
          const stale = await this.feed.claimStale(this.consumer, claimIdleMs, this.batchSize());
          if (stale.length > 0) await this.process(stale);
        }
        const entries = await this.feed.read(this.consumer, this.batchSize(), this.options.blockMs ?? 1_000);
        if (entries.length > 0) await this.process(entries);
      } catch (error) {
        if (this.stopping) return;
        // Redis is away: wait a little and read again; what was delivered stays pending, ours.
        this.failed();
        await new Promise((resolve) => setTimeout(resolve, 200));
        void error;
      }
    }
  }

  private async process(entries: readonly FeedEntry[]): Promise<void> {
    const done: string[] = [];
    const latest = new Map<string, { input: ReactionInput; entries: FeedEntry[] }>();
    for (const entry of entries) {
      if (!this.registry.handlesAny(entry.types)) {
        done.push(entry.id);
        continue;
      }
      const inputs = await this.inputsOf(entry);
      let ok = true;
      for (const input of inputs) {
        for (const registered of this.registry.forEvent(input.event.type)) {
          ok = (await this.run(registered.name, registered.reaction, input, entry)) && ok;
        }
        if (this.registry.coalescedFor(input.event.type).length > 0) {
          const key = incidentKey(entry.ref);
          const previous = latest.get(key);
          latest.set(key, { input, entries: [...(previous?.entries ?? []), entry] });
        }
      }
      if (ok) done.push(entry.id);
    }
    const failed = new Set<string>();
    for (const { input, entries: covered } of latest.values()) {
      for (const registered of this.registry.coalescedFor(input.event.type)) {
        const entry = covered.at(-1) as FeedEntry;
        if (!(await this.run(registered.name, registered.reaction, input, entry))) {
          for (const item of covered) failed.add(item.id);
        }
      }
    }
    const acked = done.filter((id) => !failed.has(id));
    await this.feed.ack(acked);
    if (acked.length < entries.length) this.failed();
    else this.failures = 0;
  }

  /** Our pending entries are retried soon, then less and less often while they keep failing. */
  private failed(): void {
    this.ownPending = true;
    this.failures += 1;
    this.retryAt = Date.now() + Math.min(30_000, 100 * 2 ** Math.min(this.failures, 9));
  }

  private async inputsOf(entry: FeedEntry): Promise<ReactionInput[]> {
    const events = await this.store.range(entry.ref, entry.from, entry.to);
    let revision = entry.revisionBefore;
    return events.map((event) => {
      if (!isChatter(event.type)) revision += 1;
      return { ref: entry.ref, event, revision };
    });
  }

  private async run(
    name: string,
    reaction: (input: ReactionInput) => Promise<void>,
    input: ReactionInput,
    entry: FeedEntry,
  ): Promise<boolean> {
    try {
      await reaction(input);
      return true;
    } catch (error) {
      this.options.onError?.(error, entry, name);
      return false;
    }
  }
}
