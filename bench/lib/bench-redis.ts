import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Redis } from 'ioredis';
import { connectRedis } from '../../src/storage/redis/connect-redis.ts';
import { startEmbeddedRedis } from '../../src/storage/redis/embedded-redis.ts';

/** A private redis-server for one benchmark, configured as `npm start` runs its own. */
export interface BenchRedis {
  url: string;
  /** A connection for the benchmark's own process; closed by `stop`. */
  connect(): Redis;
  /** A key prefix no other benchmark or run uses. */
  uniquePrefix(label: string): string;
  stop(): Promise<void>;
}

/**
 * Append-only on, as in production (`src/main.ts`): the figures include the cost of not losing
 * an incident when Redis crashes.
 */
export async function startBenchRedis(label: string): Promise<BenchRedis> {
  const dir = mkdtempSync(join(tmpdir(), `tocsin-bench-${label}-`));
  const server = await startEmbeddedRedis({ dir });
  const connections: Redis[] = [];
  return {
    url: server.url,
    connect: () => {
      const redis = connectRedis(server.url);
      connections.push(redis);
      return redis;
    },
    uniquePrefix: (name) => `bench:${name}:${randomUUID().slice(0, 8)}`,
    stop: async () => {
      for (const redis of connections) redis.disconnect();
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
