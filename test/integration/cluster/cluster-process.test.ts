import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectRedisCluster } from '../../../src/storage/redis/connect-redis-cluster.ts';
import { RedisKeys } from '../../../src/storage/redis/redis-keys.ts';
import { startRedisCluster, type TestCluster } from '../../support/redis-cluster.ts';
import { runPiped } from '../../support/run-piped.ts';

let cluster: TestCluster;
beforeAll(async () => {
  cluster = await startRedisCluster({ masters: 3 });
}, 60_000);
afterAll(async () => {
  await cluster?.stop();
});

describe('the bot started with REDIS_CLUSTER_NODES', () => {
  it('runs the piped README scenario on the cluster, with no redis-server of its own', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tocsin-cluster-e2e-'));
    const input =
      '/incident start sev2 checkout errors\nhello team\n/incident note 00:01 rolled back deploy 4411\n' +
      '/incident resolve fixed\n/incident postmortem\n';
    const result = await runPiped(process.execPath, ['dist/tocsin.mjs'], input, {
      PATH: process.env.PATH ?? '',
      REDIS_CLUSTER_NODES: cluster.nodesEnv,
      POSTMORTEM_DIR: join(dir, 'postmortems'),
      TOCSIN_DATA_DIR: join(dir, 'data'),
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('INC-1 declared: SEV2 checkout errors');
    expect(readdirSync(join(dir, 'postmortems')).length).toBe(1);
    // No embedded Redis was started: the data dir holds no redis files.
    expect(() => readdirSync(join(dir, 'data', 'redis'))).toThrow();
    const redis = connectRedisCluster(cluster.nodes);
    try {
      const events = await redis.xlen(
        new RedisKeys().log({ platform: 'console', workspace: 'local', number: 1 }),
      );
      expect(events).toBeGreaterThanOrEqual(4);
    } finally {
      redis.disconnect();
    }
  }, 60_000);
});
