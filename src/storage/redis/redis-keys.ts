import type { IncidentRef, WorkspaceRef } from '../../core/model/incident-ref.ts';

/**
 * How many feed shards there are. Each incident belongs to one shard for good (see shardOf), so
 * this number is part of the key layout: changing it moves incidents to other keys.
 * Sixteen spreads the incidents of a busy workspace over every master of a cluster of up to
 * about a dozen, while a reactor's sweep over all feeds stays sixteen cheap commands.
 */
export const FEED_SHARDS = 16;

/**
 * Every key the store writes, laid out for Redis Cluster, where a Lua script may only touch keys
 * of one hash slot (the part of a key between the first `{` and `}` picks the slot):
 * - `{prefix:s<k>}:…` — shard k: the log, revision and seen-messages of every incident of the
 *   shard, its feed stream, its open and all indexes per workspace, and the delivery keys of its
 *   appends. An append touches only its incident's shard, so it stays one atomic script.
 * - `{prefix:platform:workspace}:…` — the workspace: its number sequence and channel index.
 * - `prefix:…` — keys no script shares: the workspace list, the open-severity gauge index, the
 *   delivery keys of refusals.
 * On a single Redis the braces mean nothing, and the same layout serves.
 */
export class RedisKeys {
  constructor(
    readonly prefix: string = 'tocsin',
    readonly shards: number = FEED_SHARDS,
  ) {}

  /** The incident's shard: a stable hash of platform, workspace and number (FNV-1a, 32 bits). */
  shardOf(ref: IncidentRef): number {
    let hash = 0x811c9dc5;
    for (const char of `${ref.platform}:${ref.workspace}:${ref.number}`) {
      hash ^= char.codePointAt(0) ?? 0;
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    return hash % this.shards;
  }
  allShards(): number[] {
    return Array.from({ length: this.shards }, (_, shard) => shard);
  }
  shardTag(shard: number): string {
    return `{${this.prefix}:s${shard}}`;
  }
  workspaces(): string {
    return `${this.prefix}:workspaces`;
  }
  private wsTag(ref: WorkspaceRef): string {
    return `{${this.prefix}:${ref.platform}:${ref.workspace}}`;
  }
  sequence(ref: WorkspaceRef): string {
    return `${this.wsTag(ref)}:seq`;
  }
  /** Which number a declaration's delivery took, so its retry finishes that incident, not a new one. */
  declaration(ref: WorkspaceRef, deliveryKey: string): string {
    return `${this.wsTag(ref)}:declared:${deliveryKey}`;
  }
  channels(ref: WorkspaceRef): string {
    return `${this.wsTag(ref)}:channels`;
  }
  open(ref: WorkspaceRef, shard: number): string {
    return `${this.shardTag(shard)}:${ref.platform}:${ref.workspace}:open`;
  }
  all(ref: WorkspaceRef, shard: number): string {
    return `${this.shardTag(shard)}:${ref.platform}:${ref.workspace}:all`;
  }
  private incident(ref: IncidentRef): string {
    return `${this.shardTag(this.shardOf(ref))}:${ref.platform}:${ref.workspace}:inc:${ref.number}`;
  }
  log(ref: IncidentRef): string {
    return `${this.incident(ref)}:log`;
  }
  revision(ref: IncidentRef): string {
    return `${this.incident(ref)}:rev`;
  }
  /** What provisioning of the incident's channel intended and did (see RedisProvisioningJournal). */
  provisioning(ref: IncidentRef): string {
    return `${this.incident(ref)}:provisioning`;
  }
  seenMessages(ref: IncidentRef): string {
    return `${this.incident(ref)}:seen`;
  }
  /** Open incident -> its severity, for the open-incidents gauge (see OpenSeverityIndex). */
  openSeverities(): string {
    return `${this.prefix}:open-severities`;
  }
  /** One entry per append to an incident of the shard, consumed by the reactors. */
  feed(shard: number): string {
    return `${this.shardTag(shard)}:feed`;
  }
  /** A delivery that appended to `ref` is remembered in its shard, where the append script checks it. */
  appendDelivery(ref: IncidentRef, key: string): string {
    return `${this.shardTag(this.shardOf(ref))}:dedupe:${key}`;
  }
  /** A delivery answered with a refusal (no append, so no shard): one plain key. */
  dedupe(key: string): string {
    return `${this.prefix}:dedupe:${key}`;
  }
}
