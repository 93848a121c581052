import calculateSlot from 'cluster-key-slot';
import type { Cluster, Redis } from 'ioredis';
import { isCluster, type RedisConnection } from './redis-connection.ts';

/** How long an append waits for a replica's copy before it is answered anyway. */
const WAIT_MS = 1_000;
/** How long a master's replica count is trusted before it is asked again. */
const REPLICAS_TTL_MS = 30_000;

/**
 * On a Redis Cluster with replicas, an append is answered only once a replica of its master has
 * it (WAIT 1), so a master that dies right after answering cannot take an acknowledged entry with
 * it into the failover. A single Redis, or a cluster without replicas, skips this (nothing to
 * wait for). A replica that does not answer within a second delays the append by that second
 * and no more: refusing writes while a replica is down would be worse than the risk it leaves.
 */
export class ReplicaWait {
  private readonly replicas = new Map<string, { count: number; at: number }>();

  constructor(private readonly connection: RedisConnection) {}

  async after(key: string): Promise<void> {
    if (!isCluster(this.connection)) return;
    const master = masterOf(this.connection, key);
    if (!master || (await this.replicaCount(master)) === 0) return;
    await master.node.call('WAIT', '1', String(WAIT_MS));
  }

  private async replicaCount(master: { id: string; node: Redis }): Promise<number> {
    const known = this.replicas.get(master.id);
    if (known && Date.now() - known.at < REPLICAS_TTL_MS) return known.count;
    const info = String(await master.node.info('replication'));
    const count = Number(/connected_slaves:(\d+)/.exec(info)?.[1] ?? 0);
    this.replicas.set(master.id, { count, at: Date.now() });
    return count;
  }
}

function masterOf(cluster: Cluster, key: string): { id: string; node: Redis } | undefined {
  const id = cluster.slots[calculateSlot(key)]?.[0];
  if (!id) return undefined;
  const node = cluster
    .nodes('master')
    .find((candidate) => `${candidate.options.host}:${candidate.options.port}` === id);
  return node ? { id, node } : undefined;
}
