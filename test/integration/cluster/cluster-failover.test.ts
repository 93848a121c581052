import type { Cluster } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectRedisCluster } from '../../../src/storage/redis/connect-redis-cluster.ts';
import { startRedisCluster, type TestCluster } from '../../support/redis-cluster.ts';
import { type ConsoleSession, createConsoleSession } from '../../support/test-app.ts';

let cluster: TestCluster;
let session: ConsoleSession | undefined;
beforeAll(async () => {
  cluster = await startRedisCluster({ masters: 3, replicas: 1 });
}, 90_000);
afterAll(async () => {
  await session?.dispose();
  await cluster?.stop();
});

async function masterPortHolding(redis: Cluster, key: string): Promise<number> {
  for (const node of redis.nodes('master')) {
    if ((await node.exists(key).catch(() => 0)) === 1) return Number(node.options.port);
  }
  throw new Error(`no master holds ${key}`);
}

async function eventually<T>(
  read: () => Promise<T>,
  ok: (value: T) => boolean,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const value = await read();
      if (ok(value) || Date.now() > deadline) return value;
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('a Redis Cluster master killed right after its writes were acknowledged', () => {
  it('fails over to its replica with every acknowledged note still in the log, and takes new ones', async () => {
    session = createConsoleSession({ redis: () => connectRedisCluster(cluster.nodes) });
    const { app } = session;
    await session.type('/as alice', '/incident start sev2 checkout errors');
    const [ref] = await app.store.openIncidents({ platform: 'console', workspace: 'local' });
    if (!ref) throw new Error('INC-1 was not declared');
    const channel = (await app.store.state(ref))?.channel?.name ?? '';
    await session.type(`/join #${channel}`);
    for (let n = 1; n <= 50; n += 1) {
      expect(await session.type(`/incident note step ${n}`)).toContain(`step ${n}`);
    }
    const log = app.store.keys.log(ref);
    const master = await masterPortHolding(app.redis as Cluster, log);
    // Each append was answered only after a replica had it (WAIT 1), not merely sent to one.
    const stats = await (app.redis as Cluster)
      .nodes('master')
      .find((node) => node.options.port === master)
      ?.info('commandstats');
    expect(Number(/cmdstat_wait:calls=(\d+)/.exec(String(stats))?.[1] ?? 0)).toBeGreaterThanOrEqual(50);
    await cluster.kill(master);
    const notes = await eventually(
      async () => (await app.store.read(ref)).filter((event) => event.type === 'note_added').length,
      (count) => count === 50,
    );
    expect(notes).toBe(50);
    expect(await masterPortHolding(app.redis as Cluster, log)).not.toBe(master);
    expect(await session.type('/incident note after the failover')).toContain('after the failover');
    const texts = (await app.store.read(ref)).flatMap((event) =>
      event.type === 'note_added' ? [event.text] : [],
    );
    expect(texts.at(-1)).toBe('after the failover');
  }, 120_000);
});
