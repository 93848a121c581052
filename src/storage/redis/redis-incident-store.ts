import type { Redis } from 'ioredis';
import type { IncidentEvent, StoredEvent } from '../../core/model/events.ts';
import type { IncidentRef, WorkspaceRef } from '../../core/model/incident-ref.ts';
import { foldIncident, type IncidentState } from '../../core/model/incident-state.ts';
import type { DeclareInput, IncidentStore } from '../../ports/incident-store.ts';
import { APPEND_CHATTER, APPEND_IF_REVISION } from './append-scripts.ts';
import { ChatterBatcher } from './chatter-batcher.ts';
import { RedisKeys } from './redis-keys.ts';

type StreamEntry = [id: string, fields: string[]];

/** The incident log as one Redis Stream per incident. */
export class RedisIncidentStore implements IncidentStore {
  /** Folded state per incident, advanced from the last id read: a cache of a view, not a copy of the truth. */
  private readonly folds = new Map<string, IncidentState>();
  private readonly channelLinks = new Map<string, number>();
  private readonly chatter = new ChatterBatcher((logKey, seenKey, events) =>
    this.writeChatter(logKey, seenKey, events),
  );

  constructor(
    private readonly redis: Redis,
    readonly keys: RedisKeys = new RedisKeys(),
  ) {}

  async declare(input: DeclareInput): Promise<IncidentState> {
    const number = await this.redis.incr(this.keys.sequence(input.workspace));
    const ref: IncidentRef = { ...input.workspace, number };
    const event: IncidentEvent = {
      at: input.at.toISOString(),
      actor: input.actor,
      origin: input.origin,
      ...input.body,
      number,
    };
    await this.redis
      .multi()
      .xadd(this.keys.log(ref), '*', 'e', JSON.stringify(event))
      .set(this.keys.revision(ref), '1')
      .sadd(this.keys.open(input.workspace), String(number))
      .zadd(this.keys.all(input.workspace), number, String(number))
      .sadd(this.keys.workspaces(), `${input.workspace.platform}:${input.workspace.workspace}`)
      .exec();
    const state = await this.state(ref);
    if (!state) throw new Error(`INC-${number} vanished right after it was declared`);
    return state;
  }

  async appendIfRevision(
    ref: IncidentRef,
    expectedRevision: number,
    events: IncidentEvent[],
  ): Promise<boolean> {
    if (events.length === 0) return true;
    const openAction = events.reduce<string>((action, event) => {
      if (event.type === 'resolved') return 'close';
      if (event.type === 'reopened') return 'open';
      return action;
    }, '');
    const result = await this.redis.eval(
      APPEND_IF_REVISION,
      3,
      this.keys.log(ref),
      this.keys.revision(ref),
      this.keys.open(ref),
      String(expectedRevision),
      openAction,
      String(ref.number),
      ...events.map((event) => JSON.stringify(event)),
    );
    if (Number(result) >= 0) return true;
    // Redis may have lost acknowledged writes (a crash under appendfsync everysec, a failover to a
    // lagging replica). A cached fold that is ahead of Redis would then refuse every command.
    const current = Number((await this.redis.get(this.keys.revision(ref))) ?? 0);
    if (current < expectedRevision) this.folds.delete(this.keys.log(ref));
    return false;
  }

  async appendChatter(ref: IncidentRef, events: IncidentEvent[]): Promise<number> {
    if (events.length === 0) return 0;
    return this.chatter.append(this.keys.log(ref), this.keys.seenMessages(ref), events);
  }

  private async writeChatter(logKey: string, seenKey: string, events: IncidentEvent[]): Promise<number[]> {
    const args = events.flatMap((event) => [
      event.type === 'message_captured' ? event.messageId : '',
      JSON.stringify(event),
    ]);
    const flags = (await this.redis.eval(APPEND_CHATTER, 2, logKey, seenKey, ...args)) as number[];
    return flags.map(Number);
  }

  async read(ref: IncidentRef): Promise<StoredEvent[]> {
    const all: StoredEvent[] = [];
    for await (const page of this.scan(ref)) all.push(...page);
    return all;
  }

  async *scan(ref: IncidentRef, pageSize = 5000, after?: string): AsyncIterable<StoredEvent[]> {
    let start = after === undefined ? '-' : `(${after}`;
    for (;;) {
      const entries = (await this.redis.xrange(
        this.keys.log(ref),
        start,
        '+',
        'COUNT',
        pageSize,
      )) as StreamEntry[];
      if (entries.length === 0) return;
      yield entries.map(toStoredEvent);
      const last = entries[entries.length - 1];
      if (!last || entries.length < pageSize) return;
      start = `(${last[0]}`;
    }
  }

  async state(ref: IncidentRef): Promise<IncidentState | undefined> {
    const key = this.keys.log(ref);
    let state = this.folds.get(key);
    for await (const page of this.scan(ref, 5000, state?.lastEventId)) {
      state = foldIncident(ref, page, state);
    }
    if (state) this.folds.set(key, state);
    return state;
  }

  async linkChannel(ref: IncidentRef, channel: string): Promise<void> {
    await this.redis.hset(this.keys.channels(ref), channel, String(ref.number));
  }

  async findByChannel(workspace: WorkspaceRef, channel: string): Promise<IncidentRef | undefined> {
    const indexKey = this.keys.channels(workspace);
    const cached = this.channelLinks.get(`${indexKey}|${channel}`);
    if (cached !== undefined) return { ...workspace, number: cached };
    const number = await this.redis.hget(indexKey, channel);
    if (number === null) return undefined;
    // A channel, once linked, belongs to its incident for good, so a hit can be remembered.
    this.channelLinks.set(`${indexKey}|${channel}`, Number(number));
    return { ...workspace, number: Number(number) };
  }

  async openIncidents(workspace: WorkspaceRef): Promise<IncidentRef[]> {
    const numbers = await this.redis.smembers(this.keys.open(workspace));
    return numbers
      .map(Number)
      .sort((a, b) => a - b)
      .map((number) => ({ ...workspace, number }));
  }

  async allIncidents(workspace: WorkspaceRef): Promise<IncidentRef[]> {
    const numbers = await this.redis.zrange(this.keys.all(workspace), '0', '-1');
    return numbers.map((number) => ({ ...workspace, number: Number(number) }));
  }

  async workspaces(): Promise<WorkspaceRef[]> {
    const members = await this.redis.smembers(this.keys.workspaces());
    return members.map((member) => {
      const split = member.indexOf(':');
      return { platform: member.slice(0, split), workspace: member.slice(split + 1) };
    });
  }

  async firstSeen(key: string, ttlSeconds: number): Promise<boolean> {
    const result = await this.redis.set(this.keys.dedupe(key), '1', 'EX', ttlSeconds, 'NX');
    return result === 'OK';
  }
}

function toStoredEvent([id, fields]: StreamEntry): StoredEvent {
  const json = fields[1];
  if (json === undefined) throw new Error(`stream entry ${id} has no event`);
  return { ...(JSON.parse(json) as IncidentEvent), id };
}
