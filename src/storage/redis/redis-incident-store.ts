import type { Redis } from 'ioredis';
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
import { APPEND_CHATTER, APPEND_IF_REVISION, DECLARE } from './append-scripts.ts';
import { ChatterBatcher, type ChatterItem } from './chatter-batcher.ts';
import { LuaScript } from './lua-script.ts';
import { RedisKeys } from './redis-keys.ts';

type StreamEntry = [id: string, fields: string[]];

// Hashed once per process, run by digest (see LuaScript).
const declareScript = new LuaScript(DECLARE);
const appendIfRevisionScript = new LuaScript(APPEND_IF_REVISION);
const appendChatterScript = new LuaScript(APPEND_CHATTER);

/** How long a delivery id is remembered: platforms retry within minutes, a day is plenty. */
export const DELIVERY_TTL_SECONDS = 24 * 3600;

/** The incident log as one Redis Stream per incident. */
export class RedisIncidentStore implements IncidentStore {
  /** Folded state per incident, advanced from the last id read: a cache of a view, not a copy of the truth. */
  private readonly folds = new Map<string, IncidentState>();
  private readonly channelLinks = new Map<string, number>();
  private readonly chatter = new ChatterBatcher<IncidentRef>((ref, items) => this.writeChatter(ref, items));

  constructor(
    private readonly redis: Redis,
    readonly keys: RedisKeys = new RedisKeys(),
  ) {}

  async declare(input: DeclareInput, deliveryKey?: string): Promise<DeclareResult> {
    const event = { at: input.at.toISOString(), actor: input.actor, origin: input.origin, ...input.body };
    const refJson = JSON.stringify({
      platform: input.workspace.platform,
      workspace: input.workspace.workspace,
    });
    const result = await declareScript.run(
      this.redis,
      6,
      this.keys.sequence(input.workspace),
      this.keys.workspaces(),
      this.keys.open(input.workspace),
      this.keys.all(input.workspace),
      this.keys.feed(),
      deliveryKey === undefined ? '' : this.keys.dedupe(deliveryKey),
      `${input.workspace.platform}:${input.workspace.workspace}`,
      this.keys.ws(input.workspace),
      JSON.stringify(event).slice(0, -1),
      `${refJson.slice(0, -1)},"number":`,
      String(DELIVERY_TTL_SECONDS),
    );
    const number = Number(result);
    if (number === -2) return { status: 'duplicate' };
    const state = await this.state({ ...input.workspace, number });
    if (!state) throw new Error(`INC-${number} vanished right after it was declared`);
    return { status: 'appended', state };
  }

  async append(request: AppendRequest): Promise<AppendResult> {
    const { ref, events } = request;
    if (events.length === 0) return { status: 'appended', written: 0 };
    if (request.expectedRevision === undefined) {
      const deliveryKey = request.deliveryKey === undefined ? '' : this.keys.dedupe(request.deliveryKey);
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
    const result = await appendIfRevisionScript.run(
      this.redis,
      5,
      this.keys.log(ref),
      this.keys.revision(ref),
      this.keys.open(ref),
      this.keys.feed(),
      request.deliveryKey === undefined ? '' : this.keys.dedupe(request.deliveryKey),
      String(expectedRevision),
      openAction,
      String(ref.number),
      refJson(ref),
      typesOf(events),
      String(DELIVERY_TTL_SECONDS),
      ...events.map((event) => JSON.stringify(event)),
    );
    const [revision, feedId] = Array.isArray(result)
      ? [Number(result[0]), String(result[1])]
      : [Number(result), ''];
    if (revision === -2) return { status: 'duplicate' };
    if (revision >= 0) return { status: 'appended', written: events.length, ...(feedId ? { feedId } : {}) };
    // Redis may have lost acknowledged writes (a crash under appendfsync everysec, a failover to a
    // lagging replica). A cached fold that is ahead of Redis would then refuse every command.
    const current = Number((await this.redis.get(this.keys.revision(ref))) ?? 0);
    if (current < expectedRevision) this.folds.delete(this.keys.log(ref));
    return { status: 'conflict' };
  }

  private async writeChatter(ref: IncidentRef, items: ChatterItem[]): Promise<number[]> {
    const args = items.flatMap(({ deliveryKey, event }) => [
      deliveryKey,
      event.type === 'message_captured' ? event.messageId : '',
      JSON.stringify(event),
    ]);
    const flags = (await appendChatterScript.run(
      this.redis,
      4,
      this.keys.log(ref),
      this.keys.seenMessages(ref),
      this.keys.feed(),
      this.keys.revision(ref),
      refJson(ref),
      typesOf(items.map((item) => item.event)),
      String(DELIVERY_TTL_SECONDS),
      ...args,
    )) as number[];
    return flags.map(Number);
  }

  async markDelivered(deliveryKey: string): Promise<boolean> {
    const result = await this.redis.set(this.keys.dedupe(deliveryKey), '1', 'EX', DELIVERY_TTL_SECONDS, 'NX');
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
