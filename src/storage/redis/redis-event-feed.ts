import type { IncidentEventType } from '../../core/model/events.ts';
import type { IncidentRef } from '../../core/model/incident-ref.ts';
import type { EventFeed, FeedEntry } from '../../ports/event-feed.ts';
import { feedEntryId, parseFeedEntryId } from './feed-entry-id.ts';
import { duplicateConnection, isCluster, type RedisConnection } from './redis-connection.ts';
import type { RedisKeys } from './redis-keys.ts';

const GROUP = 'reactors';

/**
 * How often a reactor on a Cluster looks at the feeds again when all were empty. A blocking read
 * can wait on several streams only within one hash slot, and the shards are in different slots.
 */
export const CLUSTER_POLL_MS = 50;

type RawEntry = [id: string, fields: string[]];
type StreamReply = [key: string, entries: (RawEntry | null)[]][] | null;

/**
 * The feed streams the append scripts write, one per shard, read through one consumer group each:
 * each entry goes to one reactor at a time, stays pending until acknowledged, and is deleted once
 * it is, so the feeds hold only what still needs reacting to. On a single Redis one blocking read
 * waits on every shard at once; on a Cluster the shards are swept in turn (see CLUSTER_POLL_MS).
 */
export class RedisEventFeed implements EventFeed {
  /** Blocking reads get their own connection, so they never hold up the store's commands. */
  private reader: RedisConnection | undefined;
  /** Ends the blocking read (or the Cluster's wait between sweeps) in flight, with nothing read. */
  private abortRead: (() => void) | undefined;
  private readonly shardByKey: Map<string, number>;

  constructor(
    private readonly redis: RedisConnection,
    private readonly keys: RedisKeys,
  ) {
    this.shardByKey = new Map(keys.allShards().map((shard) => [keys.feed(shard), shard]));
  }

  async open(): Promise<void> {
    await Promise.all(
      this.keys.allShards().map(async (shard) => {
        try {
          await this.redis.xgroup('CREATE', this.keys.feed(shard), GROUP, '0', 'MKSTREAM');
        } catch (error) {
          if (!(error instanceof Error) || !error.message.includes('BUSYGROUP')) throw error;
        }
      }),
    );
  }

  async read(consumer: string, count: number, blockMs: number): Promise<FeedEntry[]> {
    const aborted = new Promise<null>((resolve) => {
      this.abortRead = () => resolve(null);
    });
    try {
      if (isCluster(this.redis)) return await this.sweepUntil(consumer, count, blockMs, aborted);
      return await this.blockingRead(consumer, count, blockMs, aborted);
    } finally {
      this.abortRead = undefined;
    }
  }

  private async blockingRead(
    consumer: string,
    count: number,
    blockMs: number,
    aborted: Promise<null>,
  ): Promise<FeedEntry[]> {
    if (!this.reader) {
      this.reader = duplicateConnection(this.redis);
      // Its errors are the main connection's too (and logged there); the reactor retries the read.
      this.reader.on('error', () => {});
    }
    const feeds = [...this.shardByKey.keys()];
    const reading = this.reader.xreadgroup(
      'GROUP',
      GROUP,
      consumer,
      'COUNT',
      count,
      'BLOCK',
      blockMs,
      'STREAMS',
      ...feeds,
      ...feeds.map(() => '>'),
    ) as Promise<StreamReply>;
    // ioredis never settles a command queued on a connection that is disconnected while it waits to
    // reconnect, so close() cannot count on the read failing: it ends the wait itself. Whatever the
    // abandoned read would have delivered stays pending in the group and is claimed later.
    reading.catch(() => {});
    return this.entriesOf(await Promise.race([reading, aborted]));
  }

  private async sweepUntil(
    consumer: string,
    count: number,
    blockMs: number,
    aborted: Promise<null>,
  ): Promise<FeedEntry[]> {
    const deadline = Date.now() + blockMs;
    let stop = false;
    void aborted.then(() => {
      stop = true;
    });
    for (;;) {
      const entries = await this.perShard((feed) =>
        this.redis.xreadgroup('GROUP', GROUP, consumer, 'COUNT', count, 'STREAMS', feed, '>'),
      );
      if (entries.length > 0 || stop || Date.now() >= deadline) return entries;
      const pause = new Promise((resolve) => setTimeout(resolve, CLUSTER_POLL_MS));
      await Promise.race([pause, aborted]);
      if (stop) return [];
    }
  }

  async pending(consumer: string, count: number): Promise<FeedEntry[]> {
    return this.perShard((feed) =>
      this.redis.xreadgroup('GROUP', GROUP, consumer, 'COUNT', count, 'STREAMS', feed, '0'),
    );
  }

  async claimStale(consumer: string, minIdleMs: number, count: number): Promise<FeedEntry[]> {
    return this.perShard(async (feed) => {
      const result = (await this.redis.xautoclaim(feed, GROUP, consumer, minIdleMs, '0', 'COUNT', count)) as [
        string,
        (RawEntry | null)[],
      ];
      return [[feed, result[1] ?? []]];
    });
  }

  async ack(ids: readonly string[]): Promise<void> {
    const byShard = new Map<number, string[]>();
    for (const id of ids) {
      const parsed = parseFeedEntryId(id);
      if (!parsed) continue;
      byShard.set(parsed.shard, [...(byShard.get(parsed.shard) ?? []), parsed.streamId]);
    }
    await Promise.all(
      [...byShard].map(([shard, streamIds]) =>
        this.redis
          .multi()
          .xack(this.keys.feed(shard), GROUP, ...streamIds)
          .xdel(this.keys.feed(shard), ...streamIds)
          .exec(),
      ),
    );
  }

  async isDone(id: string): Promise<boolean> {
    const parsed = parseFeedEntryId(id);
    if (!parsed) return true;
    // Acknowledged entries are deleted, so an entry still in the feed is still to be reacted to.
    const feed = this.keys.feed(parsed.shard);
    const entries = (await this.redis.xrange(feed, parsed.streamId, parsed.streamId)) as RawEntry[];
    return entries.length === 0;
  }

  async backlog(): Promise<number> {
    const lengths = await Promise.all(
      this.keys.allShards().map((shard) => this.redis.xlen(this.keys.feed(shard))),
    );
    return lengths.reduce((sum, length) => sum + length, 0);
  }

  async close(): Promise<void> {
    this.abortRead?.();
    this.reader?.disconnect();
    this.reader = undefined;
  }

  /** One command per shard (each shard is its own slot on a Cluster), answers joined. */
  private async perShard(command: (feed: string) => Promise<unknown>): Promise<FeedEntry[]> {
    const replies = await Promise.all([...this.shardByKey.keys()].map((feed) => command(feed)));
    return replies.flatMap((reply) => this.entriesOf(reply as StreamReply));
  }

  private entriesOf(reply: StreamReply): FeedEntry[] {
    return (reply ?? []).flatMap(([key, entries]) => {
      const shard = this.shardByKey.get(key);
      if (shard === undefined) return [];
      return entries.flatMap((raw) => (raw ? toEntry(shard, raw) : []));
    });
  }
}

function toEntry(shard: number, [id, fields]: RawEntry): FeedEntry[] {
  const field = (name: string) => {
    const at = fields.indexOf(name);
    return at === -1 ? undefined : fields[at + 1];
  };
  const ref = field('ref');
  const from = field('from');
  const to = field('to');
  if (ref === undefined || from === undefined || to === undefined) return [];
  return [
    {
      id: feedEntryId(shard, id),
      ref: JSON.parse(ref) as IncidentRef,
      from,
      to,
      revisionBefore: Number(field('rev') ?? 0),
      types: (field('types') ?? '').split(',').filter(Boolean) as IncidentEventType[],
    },
  ];
}
