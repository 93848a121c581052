import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedRedis } from '../../src/storage/redis/embedded-redis.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    redisUrl: string;
  }
}

/** One private redis-server for the whole run, on a free port in a temp dir. */
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'tocsin-test-redis-'));
  const redis = await startEmbeddedRedis({ dir, appendOnly: false });
  project.provide('redisUrl', redis.url);
  process.env.TOCSIN_TEST_REDIS_URL = redis.url;
  return async () => {
    await redis.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
