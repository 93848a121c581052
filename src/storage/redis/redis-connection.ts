import type { Cluster, Redis } from 'ioredis';

/**
 * What the store, the feed, the limiter and BullMQ are handed: one Redis (direct or through
 * Sentinel) or a Redis Cluster. Both speak the same commands; they differ in how a second
 * connection is made and in which multi-key commands they allow.
 */
export type RedisConnection = Redis | Cluster;

export function isCluster(connection: RedisConnection): connection is Cluster {
  return 'isCluster' in connection && connection.isCluster === true;
}

/**
 * A second connection to the same Redis, for blocking reads and BullMQ's workers. `Cluster`
 * takes its overrides as redisOptions of every node, since its own duplicate() has another shape.
 */
export function duplicateConnection(
  connection: RedisConnection,
  overrides: { maxRetriesPerRequest?: number | null } = {},
): RedisConnection {
  if (!isCluster(connection)) return connection.duplicate(overrides);
  // Cluster.duplicate merges its overrides shallowly: the node options are merged here.
  const redisOptions = { ...connection.options.redisOptions, ...overrides };
  return connection.duplicate(undefined, { ...connection.options, redisOptions } as Parameters<
    typeof connection.duplicate
  >[1]);
}
