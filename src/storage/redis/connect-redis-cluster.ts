import { Cluster, type ClusterOptions } from 'ioredis';
import type { ClusterNodeAddress } from './cluster-nodes.ts';
import {
  type ConnectRedisHooks,
  reconnectDelay,
  redisClientOptions,
  watchConnection,
} from './connect-redis.ts';

/**
 * The single-Redis outage behaviour (see redisClientOptions), carried over to a Cluster: commands
 * wait in the offline queue while the slot map is being (re)learned and fail, unsent, once the
 * budget is spent; a failover answers CLUSTERDOWN or moves slots, and both are retried after a
 * short pause instead of reaching the person who typed the command.
 */
export function clusterOptions(budgetMs?: number): ClusterOptions {
  const { maxRetriesPerRequest, connectTimeout, autoResendUnfulfilledCommands } =
    redisClientOptions(budgetMs);
  return {
    enableOfflineQueue: true,
    enableReadyCheck: true,
    clusterRetryStrategy: reconnectDelay,
    // Writes and the reads that decide them must see the same node: replicas lag.
    scaleReads: 'master',
    retryDelayOnFailover: 200,
    retryDelayOnClusterDown: 200,
    retryDelayOnTryAgain: 200,
    // A failover takes the cluster a few seconds (node timeout plus election): enough redirections
    // at 200 ms apart to outlast it.
    maxRedirections: 64,
    slotsRefreshTimeout: 2_000,
    redisOptions: {
      ...(maxRetriesPerRequest === undefined ? {} : { maxRetriesPerRequest }),
      ...(connectTimeout === undefined ? {} : { connectTimeout }),
      ...(autoResendUnfulfilledCommands === undefined ? {} : { autoResendUnfulfilledCommands }),
    },
  };
}

/** Connects to a Redis Cluster through its seed nodes (REDIS_CLUSTER_NODES / redis_cluster_nodes). */
export function connectRedisCluster(
  nodes: readonly ClusterNodeAddress[],
  overrides: ClusterOptions = {},
  hooks: ConnectRedisHooks = {},
): Cluster {
  const options = { ...clusterOptions(hooks.outageBudgetMs), ...overrides };
  // ioredis types its options with a reply-mapping generic that a plain ClusterOptions cannot name.
  const cluster = new Cluster(
    nodes.map((node) => ({ ...node })),
    options as ConstructorParameters<typeof Cluster>[1],
  );
  watchConnection(cluster, hooks.logger);
  return cluster;
}
