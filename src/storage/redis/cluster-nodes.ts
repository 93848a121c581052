import { SystemError } from '../../core/errors.ts';

export interface ClusterNodeAddress {
  host: string;
  port: number;
}

/**
 * `host:port,host:port` (REDIS_CLUSTER_NODES) or a YAML list of `host:port`: the seed nodes ioredis
 * asks for the slot map; one reachable node is enough, more ride out one being down at start.
 */
export function parseClusterNodes(entries: readonly string[]): ClusterNodeAddress[] {
  const nodes = entries
    .flatMap((entry) => entry.split(','))
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const colon = entry.lastIndexOf(':');
      const host = colon <= 0 ? '' : entry.slice(0, colon).replace(/^\[(.*)\]$/, '$1');
      const port = Number(entry.slice(colon + 1));
      if (!host || !Number.isInteger(port) || port <= 0 || port > 65_535) {
        throw new SystemError(
          'invalid_cluster_nodes',
          `Redis Cluster node "${entry}" is not host:port (REDIS_CLUSTER_NODES=host:port,host:port)`,
        );
      }
      return { host, port };
    });
  if (nodes.length === 0) {
    throw new SystemError('invalid_cluster_nodes', 'REDIS_CLUSTER_NODES names no node (host:port,host:port)');
  }
  return nodes;
}
