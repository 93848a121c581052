import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectRedis } from '../../src/storage/redis/connect-redis.ts';
import { LuaScript } from '../../src/storage/redis/lua-script.ts';
import { sentCommands } from '../support/sent-commands.ts';
import { testRedisUrl } from '../support/test-app.ts';

const redis = connectRedis(testRedisUrl());
// Connected first, so the handshake's commands are not counted as the script's.
beforeAll(async () => {
  await redis.ping();
});
afterAll(() => redis.disconnect());

const sent = (run: () => Promise<unknown>) => sentCommands(redis, run);

describe('a Lua script run by digest', () => {
  it('sends its source once, when Redis does not know it yet, and only the digest after that', async () => {
    // A script no one ran before, so this Redis has never seen it.
    const script = new LuaScript(`return ARGV[1] .. '${randomUUID()}'`);
    let first: unknown;
    expect(await sent(async () => (first = await script.run(redis, 0, 'a')))).toEqual(['evalsha', 'eval']);
    expect(String(first).startsWith('a')).toBe(true);
    expect(await sent(() => script.run(redis, 0, 'b'))).toEqual(['evalsha']);
  });

  it('passes on errors other than an unknown script', async () => {
    const script = new LuaScript(`return redis.call('INCR', KEYS[1]) -- ${randomUUID()}`);
    const key = `lua-script-test:${randomUUID()}`;
    await redis.set(key, 'not a number');
    await expect(script.run(redis, 1, key)).rejects.toThrow(/not an integer/);
    await redis.del(key);
  });
});
