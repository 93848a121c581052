import type { IncidentEvent, StoredEvent } from '../../core/model/events.ts';
import type { IncidentRef, WorkspaceRef } from '../../core/model/incident-ref.ts';
import { foldIncident, type IncidentState } from '../../core/model/incident-state.ts';
import type {
  AppendRequest,
  AppendResult,
  DeclareInput,
  DeclareResult,
  IncidentStore,
} from '../../ports/incident-store.ts';
import { APPEND_CHATTER, APPEND_IF_REVISION, DECLARE, RESERVE_NUMBER } from './append-scripts.ts';
import { ChatterBatcher, type ChatterItem } from './chatter-batcher.ts';
import { feedEntryId } from './feed-entry-id.ts';
import { LuaScript } from './lua-script.ts';
import type { RedisConnection } from './redis-connection.ts';
import { RedisKeys } from './redis-keys.ts';
import { ReplicaWait } from './replica-wait.ts';

/** Run by digest (EVALSHA): each call sends 40 characters instead of the script. */
const SCRIPTS = {
  RESERVE_NUMBER: new LuaScript(RESERVE_NUMBER),
  DECLARE: new LuaScript(DECLARE),
  APPEND_IF_REVISION: new LuaScript(APPEND_IF_REVISION),
  APPEND_CHATTER: new LuaScript(APPEND_CHATTER),
};

type StreamEntry = [id: string, fields: string[]];

/** How long a delivery id is remembered: platforms retry within minutes, a day is plenty. */
export const DELIVERY_TTL_SECONDS = 24 * 3600;

/** The incident log as one Redis Stream per incident. */
export class RedisIncidentStore implements IncidentStore {
  /** Folded state per incident, advanced from the last id read: a cache of a view, not a copy of the truth. */
  private readonly folds = new Map<string, IncidentState>();
  private readonly channelLinks = new Map<string, number>();
  private readonly chatter = new ChatterBatcher<IncidentRef>((ref, items) => this.writeChatter(ref, items));
  /** Workspaces known to be in the workspace list (it only grows), so a declaration adds it once. */
  private readonly listed = new Set<string>();
  private readonly replicated: ReplicaWait;

  constructor(
    private readonly redis: RedisConnection,
    readonly keys: RedisKeys = new RedisKeys(),
  ) {
    this.replicated = new ReplicaWait(redis);
  }

  /**
   * Two atomic steps, since the number picks the shard the incident lives in: the number (in the
   * workspace's slot), then the incident (in its shard). See RESERVE_NUMBER for a crash between.
   */
  async declare(input: DeclareInput, deliveryKey?: string): Promise<DeclareResult> {
    const { workspace } = input;
    const member = `${workspace.platform}:${workspace.workspace}`;
    if (!this.listed.has(member)) {
      // Listed before anything is written: a crash after this lists a workspace with nothing new.
      await this.redis.sadd(this.keys.workspaces(), member);
      this.listed.add(member);
    }
    const number = Number(
      await SCRIPTS.RESERVE_NUMBER.run(
        this.redis,
        ...withOptionalKey(
          [this.keys.sequence(workspace)],
          deliveryKey === undefined ? undefined : this.keys.declaration(workspace, deliveryKey),
        ),
        String(DELIVERY_TTL_SECONDS),
      ),
    );
    const ref: IncidentRef = { platform: workspace.platform, workspace: workspace.workspace, number };
    const shard = this.keys.shardOf(ref);
    const event = {
      at: input.at.toISOString(),
      actor: input.actor,
      origin: input.origin,
      ...input.body,
      number,
    };
    const written = await SCRIPTS.DECLARE.run(
      this.redis,
      5,
      this.keys.log(ref),
      this.keys.revision(ref),
      this.keys.open(ref, shard),
      this.keys.all(ref, shard),
      this.keys.feed(shard),
      String(number),
      JSON.stringify(event),
      refJson(ref),
    );
    if (Number(written) === -2) return { status: 'duplicate' };
    await this.replicated.after(this.keys.log(ref));
    const state = await this.state(ref);
    if (!state) throw new Error(`INC-${number} vanished right after it was declared`);
    return { status: 'appended', state };
  }

  async append(request: AppendRequest): Promise<AppendResult> {
    const { ref, events } = request;
    if (events.length === 0) return { status: 'appended', written: 0 };
    if (request.expectedRevision === undefined) {
      const deliveryKey =
        request.deliveryKey === undefined ? '' : this.keys.appendDelivery(ref, request.deliveryKey);
      const items = events.map((event) => ({ deliveryKey, event }));
      const written = await this.chatter.append(this.keys.log(ref), ref, items);
      // A delivery whose events were all skipped was done before (or its message captured before).
      if (written === 0 && request.deliveryKey !== undefined) return { status: 'duplicate' };
      return { status: 'appended', written };
    }
    return this.appendIfRevisionChecked(request, request.expectedRevision);
  }

  /** For tests and tools that seed a log directly; commands go through the core's commit. */
  async appendIfRevision(
    ref: IncidentRef,
    expectedRevision: number,
    events: IncidentEvent[],
  ): Promise<boolean> {
    return (await this.append({ ref, expectedRevision, events })).status === 'appended';
  }

  /** For tests and tools that seed chatter directly (deduplicated by message id, as backfill is). */
  async appendChatter(ref: IncidentRef, events: IncidentEvent[]): Promise<number> {
    const result = await this.append({ ref, events });
    return result.status === 'appended' ? result.written : 0;
  }

  private async appendIfRevisionChecked(
    request: AppendRequest,
    expectedRevision: number,
  ): Promise<AppendResult> {
    const { ref, events } = request;
    const openAction = events.reduce<string>((action, event) => {
      if (event.type === 'resolved') return 'close';
      if (event.type === 'reopened') return 'open';
      return action;
    }, '');
    const shard = this.keys.shardOf(ref);
    const result = await SCRIPTS.APPEND_IF_REVISION.run(
      this.redis,
      ...withOptionalKey(
        [this.keys.log(ref), this.keys.revision(ref), this.keys.open(ref, shard), this.keys.feed(shard)],
        request.deliveryKey === undefined ? undefined : this.keys.appendDelivery(ref, request.deliveryKey),
      ),
      String(expectedRevision),
      openAction,
      String(ref.number),
      refJson(ref),
      typesOf(events),
      String(DELIVERY_TTL_SECONDS),
      request.basis?.lastEventId ?? '',
      request.basis?.strict ? '1' : '',
      ...events.map((event) => JSON.stringify(event)),
    );
    if (!Array.isArray(result)) {
      const code = Number(result);
      if (code === -2) return { status: 'duplicate' };
      if (code === -3) return { status: 'stale' };
    } else {
      const [revision, feedId, contiguous, ...ids] = result as [number, string, number, ...string[]];
      if (Number(contiguous) === 1 && request.basis)
        this.advanceFold(ref, request.basis.lastEventId, events, ids);
      await this.replicated.after(this.keys.log(ref));
      return {
        status: 'appended',
        written: events.length,
        ...(feedId && Number(revision) >= 0 ? { feedId: feedEntryId(shard, String(feedId)) } : {}),
      };
    }
    // Redis may have lost acknowledged writes (a crash under appendfsync everysec, a failover to a
    // lagging replica). A cached fold that is ahead of Redis would then refuse every command.
    const current = Number((await this.redis.get(this.keys.revision(ref))) ?? 0);
    if (current < expectedRevision) this.folds.delete(this.keys.log(ref));
    return { status: 'conflict' };
  }

  /**
   * Folds events this process just appended into its cached fold, when nothing came between the
   * fold's last id and them (the script said so) and the cache has not moved meanwhile: the next
   * command on the incident then decides without reading the log back.
   */
  private advanceFold(ref: IncidentRef, basis: string, events: IncidentEvent[], ids: string[]): void {
    const key = this.keys.log(ref);
    const cached = this.folds.get(key);
    if (events.length === 0 || cached?.lastEventId !== basis || ids.length !== events.length) return;
    const stored = events.map((event, index) => ({ ...event, id: ids[index] as string }) as StoredEvent);
    const advanced = foldIncident(ref, stored, cached);
    if (advanced) this.folds.set(key, advanced);
  }

  private async writeChatter(ref: IncidentRef, items: ChatterItem[]): Promise<number[]> {
    const args = items.flatMap(({ deliveryKey, event }) => [
      deliveryKey,
      event.type === 'message_captured' ? event.messageId : '',
      JSON.stringify(event),
    ]);
    const [tip, flags, ids] = (await SCRIPTS.APPEND_CHATTER.run(
      this.redis,
      4,
      this.keys.log(ref),
      this.keys.seenMessages(ref),
      this.keys.feed(this.keys.shardOf(ref)),
      this.keys.revision(ref),
      refJson(ref),
      typesOf(items.map((item) => item.event)),
      String(DELIVERY_TTL_SECONDS),
      ...args,
    )) as [string, number[], string[]];
    const written = items.filter((_, index) => Number(flags[index]) === 1).map((item) => item.event);
    this.advanceFold(ref, tip, written, ids);
    await this.replicated.after(this.keys.log(ref));
    return flags.map(Number);
  }

  async markDelivered(deliveryKey: string, ref?: IncidentRef): Promise<boolean> {
    const key =
      ref === undefined ? this.keys.dedupe(deliveryKey) : this.keys.appendDelivery(ref, deliveryKey);
    const result = await this.redis.set(key, '1', 'EX', DELIVERY_TTL_SECONDS, 'NX');
    return result === 'OK';
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

  async range(ref: IncidentRef, from: string, to: string): Promise<StoredEvent[]> {
    const entries = (await this.redis.xrange(this.keys.log(ref), from, to)) as StreamEntry[];
    return entries.map(toStoredEvent);
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

  cachedState(ref: IncidentRef): IncidentState | undefined {
    return this.folds.get(this.keys.log(ref));
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

  /** Each shard keeps the open incidents of its own: the union of all shards is the workspace's. */
  async openIncidents(workspace: WorkspaceRef): Promise<IncidentRef[]> {
    const perShard = await Promise.all(
      this.keys.allShards().map((shard) => this.redis.smembers(this.keys.open(workspace, shard))),
    );
    return perShard
      .flat()
      .map(Number)
      .sort((a, b) => a - b)
      .map((number) => ({ ...workspace, number }));
  }

  async allIncidents(workspace: WorkspaceRef): Promise<IncidentRef[]> {
    const perShard = await Promise.all(
      this.keys.allShards().map((shard) => this.redis.zrange(this.keys.all(workspace, shard), '0', '-1')),
    );
    return perShard
      .flat()
      .map(Number)
      .sort((a, b) => a - b)
      .map((number) => ({ ...workspace, number }));
  }

  async workspaces(): Promise<WorkspaceRef[]> {
    const members = await this.redis.smembers(this.keys.workspaces());
    return members.map((member) => {
      const split = member.indexOf(':');
      return { platform: member.slice(0, split), workspace: member.slice(split + 1) };
    });
  }
}

/** EVAL's key count and keys, the optional one only when there is one. */
function withOptionalKey(keys: string[], optional: string | undefined): [number, ...string[]] {
  const all = optional === undefined ? keys : [...keys, optional];
  return [all.length, ...all];
}

function refJson(ref: IncidentRef): string {
  return JSON.stringify({ platform: ref.platform, workspace: ref.workspace, number: ref.number });
}

function typesOf(events: readonly IncidentEvent[]): string {
  return [...new Set(events.map((event) => event.type))].join(',');
}

function toStoredEvent([id, fields]: StreamEntry): StoredEvent {
  const json = fields[1];
  if (json === undefined) throw new Error(`stream entry ${id} has no event`);
  return { ...(JSON.parse(json) as IncidentEvent), id };
}
