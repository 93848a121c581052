import { readFileSync } from 'node:fs';
import type { Cluster } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { connectRedisCluster } from '../../../src/storage/redis/connect-redis-cluster.ts';
import { startRedisCluster, type TestCluster } from '../../support/redis-cluster.ts';
import { type ConsoleSession, createConsoleSession, testConfig } from '../../support/test-app.ts';

let cluster: TestCluster;
let session: ConsoleSession | undefined;
beforeAll(async () => {
  cluster = await startRedisCluster({ masters: 3 });
}, 60_000);
afterAll(async () => {
  await cluster?.stop();
});
afterEach(async () => {
  await session?.dispose();
  session = undefined;
});

/** The master that holds `key`, asked of the masters themselves rather than computed. */
async function masterHolding(redis: Cluster, key: string): Promise<string> {
  for (const node of redis.nodes('master')) {
    // A master that does not serve the key's slot answers MOVED: it does not hold it.
    const held = await node.exists(key).catch(() => 0);
    if (held === 1) return `${node.options.host}:${node.options.port}`;
  }
  throw new Error(`no master holds ${key}`);
}

describe('the README console scenario on a 3-master Redis Cluster', () => {
  it('declares, captures, backdates a note, resolves and writes the postmortem', async () => {
    session = createConsoleSession({ redis: () => connectRedisCluster(cluster.nodes) });
    await session.type('/clock 2025-11-20 10:00 UTC', '/as alice');
    const declared = await session.type('/incident start sev2 checkout errors');
    expect(declared).toContain('INC-1 declared: SEV2 checkout errors');
    await session.type('hello team', '/incident note 09:58 rolled back deploy 4411');
    await session.type('/incident status identified bad feature flag', '/incident resolve fixed');
    const postmortem = await session.type('/incident postmortem');
    const path = /written to (\S+\.md)\./.exec(postmortem)?.[1];
    expect(path).toBeDefined();
    const draft = readFileSync(path as string, 'utf8');
    expect(draft).toContain('checkout errors');
    expect(draft).toMatch(/09:58 UTC.*rolled back deploy 4411/);
    const [ref] = await session.app.store.allIncidents({ platform: 'console', workspace: 'local' });
    const events = await session.app.store.read(
      ref ?? { platform: 'console', workspace: 'local', number: 1 },
    );
    expect(events.map((event) => event.type)).toEqual(
      expect.arrayContaining(['declared', 'message_captured', 'note_added', 'status_updated', 'resolved']),
    );
  });

  it('puts the keys of different incidents on different masters, and lists them all', async () => {
    session = createConsoleSession({
      redis: () => connectRedisCluster(cluster.nodes),
      config: testConfig({ rate_limits: { declare_per_user: 0 } }),
    });
    const { app } = session;
    await session.type('/as alice', '/join general');
    for (let n = 1; n <= 6; n += 1) await session.type(`/join general`, `/incident start sev3 outage ${n}`);
    const refs = await app.store.openIncidents({ platform: 'console', workspace: 'local' });
    expect(refs.map((ref) => ref.number)).toEqual([1, 2, 3, 4, 5, 6]);
    const redis = app.redis as Cluster;
    const masters = new Set<string>();
    for (const ref of refs) {
      const log = app.store.keys.log(ref);
      // Every key of one incident is in one slot, so its scripts are never cross-slot.
      const slot = await redis.cluster('KEYSLOT', log);
      expect(await redis.cluster('KEYSLOT', app.store.keys.revision(ref))).toBe(slot);
      expect(await redis.cluster('KEYSLOT', app.store.keys.feed(app.store.keys.shardOf(ref)))).toBe(slot);
      masters.add(await masterHolding(redis, log));
    }
    expect(masters.size).toBeGreaterThan(1);
    const listed = await session.type('/join general', '/incident list');
    for (let n = 1; n <= 6; n += 1) expect(listed).toContain(`outage ${n}`);
  });
});
