import { describe, expect, it } from 'vitest';
import {
  REDIS_OUTAGE_BUDGET_MS,
  reconnectDelay,
  redisClientOptions,
  retriesWithin,
} from '../../../src/storage/redis/connect-redis.ts';
import { parseRedisUrl } from '../../../src/storage/redis/parse-redis-url.ts';

describe('redis outage behaviour', () => {
  it('waits for a reconnect (offline queue on) for at most the outage budget, then gives up', () => {
    const options = redisClientOptions();
    expect(options.enableOfflineQueue).toBe(true);
    expect(options.autoResendUnfulfilledCommands).toBe(true);
    expect(options.commandTimeout).toBeUndefined();
    const retries = options.maxRetriesPerRequest as number;
    let waited = 0;
    for (let attempt = 1; attempt <= retries; attempt++) waited += reconnectDelay(attempt);
    expect(waited).toBeLessThanOrEqual(REDIS_OUTAGE_BUDGET_MS);
    expect(waited + reconnectDelay(retries + 1)).toBeGreaterThan(REDIS_OUTAGE_BUDGET_MS);
  });

  it('reconnects fast at first and then once a second', () => {
    expect([1, 2, 5, 10, 50].map(reconnectDelay)).toEqual([100, 200, 500, 1000, 1000]);
  });

  it('always allows at least one retry, even for a tiny budget', () => {
    expect(retriesWithin(10)).toBe(1);
  });
});

describe('REDIS_URL forms', () => {
  it('passes redis:// and rediss:// URLs through', () => {
    expect(parseRedisUrl('rediss://:pw@cache:6380/2')).toEqual({
      kind: 'direct',
      url: 'rediss://:pw@cache:6380/2',
    });
  });

  it('reads sentinels, master name, credentials and database from a redis+sentinel:// URL', () => {
    expect(parseRedisUrl('redis+sentinel://app:p%40ss@s1:26379,s2:26380,s3/mymaster/3')).toEqual({
      kind: 'sentinel',
      options: {
        sentinels: [
          { host: 's1', port: 26379 },
          { host: 's2', port: 26380 },
          { host: 's3', port: 26379 },
        ],
        name: 'mymaster',
        username: 'app',
        password: 'p@ss',
        db: 3,
      },
    });
  });

  it('refuses a sentinel URL without a master name, without showing its password', () => {
    expect(() => parseRedisUrl('redis+sentinel://:hunter22@s1:26379')).toThrow(/master name is missing/);
    expect(() => parseRedisUrl('redis+sentinel://:hunter22@s1:26379')).not.toThrow(/hunter22/);
  });
});
