import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { connectRedis } from '../../src/storage/redis/connect-redis.ts';
import { type EmbeddedRedis, startEmbeddedRedis } from '../../src/storage/redis/embedded-redis.ts';

let redis: EmbeddedRedis | undefined;
afterEach(async () => {
  await redis?.stop();
  redis = undefined;
});

describe('the redis-server npm start runs for itself', () => {
  it('keeps an append-only file synced every second, and never evicts', async () => {
    redis = await startEmbeddedRedis({ dir: join(mkdtempSync(join(tmpdir(), 'tocsin-aof-')), 'redis') });
    const client = connectRedis(redis.url);
    try {
      const settings = await Promise.all(
        ['appendonly', 'appendfsync', 'maxmemory-policy'].map(
          async (key) => (await client.config('GET', key)) as string[],
        ),
      );
      expect(settings).toEqual([
        ['appendonly', 'yes'],
        ['appendfsync', 'everysec'],
        ['maxmemory-policy', 'noeviction'],
      ]);
    } finally {
      client.disconnect();
    }
  });
});
