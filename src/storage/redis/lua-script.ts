import { createHash } from 'node:crypto';
import type { RedisConnection } from './redis-connection.ts';

/**
 * A Lua script run by its SHA1 (EVALSHA), so each call sends a 40-character digest instead of the
 * script's source and Redis skips hashing it again; the digest is computed once per process. A
 * Redis that does not know the script yet (restarted, flushed, a failover) answers NOSCRIPT, and
 * that one call sends the source, which also loads it for the next.
 */
export class LuaScript {
  readonly sha: string;

  constructor(readonly source: string) {
    this.sha = createHash('sha1').update(source).digest('hex');
  }

  async run(redis: RedisConnection, numberOfKeys: number, ...keysAndArgs: string[]): Promise<unknown> {
    try {
      return await redis.evalsha(this.sha, numberOfKeys, ...keysAndArgs);
    } catch (error) {
      if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
      return redis.eval(this.source, numberOfKeys, ...keysAndArgs);
    }
  }
}
