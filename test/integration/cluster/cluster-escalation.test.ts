import { afterAll, afterEach, beforeAll, describe, it } from 'vitest';
import { connectRedisCluster } from '../../../src/storage/redis/connect-redis-cluster.ts';
import { startRedisCluster, type TestCluster } from '../../support/redis-cluster.ts';
import { ChainFixture, twoWorkersFireEachStepOnce } from '../paging/escalation-chain-fixture.ts';

let cluster: TestCluster;
let fixture: ChainFixture;
beforeAll(async () => {
  cluster = await startRedisCluster({ masters: 3 });
}, 60_000);
afterAll(async () => {
  await cluster?.stop();
});
afterEach(async () => {
  await fixture?.close();
});

describe('escalation on a Redis Cluster', () => {
  it('fires the page and each step exactly once when two workers share the queue', async () => {
    fixture = new ChainFixture(() => connectRedisCluster(cluster.nodes));
    await twoWorkersFireEachStepOnce(fixture);
  });
});
