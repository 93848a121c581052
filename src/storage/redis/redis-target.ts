import { SystemError } from '../../core/errors.ts';
import { type ClusterNodeAddress, parseClusterNodes } from './cluster-nodes.ts';

/** Which Redis the bot uses: a Cluster, one Redis (direct or Sentinel) by URL, or its own child. */
export type RedisTarget =
  | { kind: 'cluster'; nodes: ClusterNodeAddress[] }
  | { kind: 'url'; url: string }
  | { kind: 'embedded' };

/**
 * The environment wins over the YAML file. REDIS_URL and REDIS_CLUSTER_NODES together are refused:
 * the bot cannot tell which one was meant, and writing to the wrong one loses incidents from view.
 */
export function redisTarget(
  env: { redisUrl?: string; redisClusterNodes?: string },
  config: { redis_cluster_nodes?: readonly string[] | undefined },
): RedisTarget {
  if (env.redisClusterNodes && env.redisUrl) {
    throw new SystemError(
      'conflicting_redis_settings',
      'REDIS_URL and REDIS_CLUSTER_NODES are both set; set one (a Cluster or one Redis)',
    );
  }
  if (env.redisClusterNodes) return { kind: 'cluster', nodes: parseClusterNodes([env.redisClusterNodes]) };
  if (env.redisUrl) return { kind: 'url', url: env.redisUrl };
  if (config.redis_cluster_nodes)
    return { kind: 'cluster', nodes: parseClusterNodes(config.redis_cluster_nodes) };
  return { kind: 'embedded' };
}
