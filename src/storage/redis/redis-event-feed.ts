import type { Redis } from 'ioredis';
import type { IncidentEventType } from '../../core/model/events.ts';
import type { IncidentRef } from '../../core/model/incident-ref.ts';
import type { EventFeed, FeedEntry } from '../../ports/event-feed.ts';
import type { RedisKeys } from './redis-keys.ts';

const GROUP = 'reactors';

type RawEntry = [id: string, fields: string[]];

/**
 * The feed stream the append scripts write, read through one consumer group: each entry goes to
 * one reactor at a time, stays pending until acknowledged, and is deleted once it is, so the feed
 * holds only what still needs reacting to.
 */
export class RedisEventFeed implements EventFeed {
  /** Blocking reads get their own connection, so they never hold up the store's commands. */
  private reader: Redis | undefined;
  /** Ends the blocking read in flight, if any, with nothing read. */
  private abortRead: (() => void) | undefined;

  constructor(
    private readonly redis: Redis,
    private readonly keys: RedisKeys,
  ) {}

  async open(): Promise<void> {
    try {
      await this.redis.xgroup('CREATE', this.keys.feed(), GROUP, '0', 'MKSTREAM');
    } catch (error) {
      if (!(error instanceof Error) || !error.message.includes('BUSYGROUP')) throw error;
    }
  }

  async read(consumer: string, count: number, blockMs: number): Promise<FeedEntry[]> {
    if (!this.reader) {
      this.reader = this.redis.duplicate();
      // Its errors are the main connection's too (and logged there); the reactor retries the read.
      this.reader.on('error', () => {});
    }
    const reading = this.reader.xreadgroup(
      'GROUP',
      GROUP,
      consumer,
      'COUNT',
      count,
      'BLOCK',
      blockMs,
      'STREAMS',
      this.keys.feed(),
      '>',
    ) as Promise<[string, RawEntry[]][] | null>;
    // ioredis never settles a command queued on a connection that is disconnected while it waits to
    // reconnect, so close() cannot count on the read failing: it ends the wait itself. Whatever the
    // abandoned read would have delivered stays pending in the group and is claimed later.
    const aborted = new Promise<null>((resolve) => {
      this.abortRead = () => resolve(null);
    });
    try {
      const result = await Promise.race([reading, aborted]);
      return (result?.[0]?.[1] ?? []).flatMap(toEntry);
    } finally {
      this.abortRead = undefined;
      reading.catch(() => {});
    }
  }

  async pending(consumer: string, count: number): Promise<FeedEntry[]> {
    const result = (await this.redis.xreadgroup(
      'GROUP',
      GROUP,
      consumer,
      'COUNT',
      count,
      'STREAMS',
      this.keys.feed(),
      '0',
    )) as [string, RawEntry[]][] | null;
    return (result?.[0]?.[1] ?? []).flatMap(toEntry);
  }

  async claimStale(consumer: string, minIdleMs: number, count: number): Promise<FeedEntry[]> {
    const result = (await this.redis.xautoclaim(
      this.keys.feed(),
      GROUP,
      consumer,
      minIdleMs,
      '0',
      'COUNT',
      count,
    )) as [string, (RawEntry | null)[]];
    return (result[1] ?? []).flatMap((raw) => (raw ? toEntry(raw) : []));
  }

  async ack(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.redis
      .multi()
      .xack(this.keys.feed(), GROUP, ...ids)
      .xdel(this.keys.feed(), ...ids)
      .exec();
  }

  async isDone(id: string): Promise<boolean> {
    // Acknowledged entries are deleted, so an entry still in the feed is still to be reacted to.
    const entries = (await this.redis.xrange(this.keys.feed(), id, id)) as RawEntry[];
    return entries.length === 0;
  }

  async backlog(): Promise<number> {
    return this.redis.xlen(this.keys.feed());
  }

  async close(): Promise<void> {
    this.abortRead?.();
    this.reader?.disconnect();
    this.reader = undefined;
  }
}

function toEntry([id, fields]: RawEntry): FeedEntry[] {
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
      id,
      ref: JSON.parse(ref) as IncidentRef,
      from,
      to,
      revisionBefore: Number(field('rev') ?? 0),
      types: (field('types') ?? '').split(',').filter(Boolean) as IncidentEventType[],
    },
  ];
}
