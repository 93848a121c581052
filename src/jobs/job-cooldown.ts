import { LuaScript } from '../storage/redis/lua-script.ts';
import type { RedisConnection } from '../storage/redis/redis-connection.ts';

/** SET NX PX and PTTL in one round trip: either this caller starts the interval, or it learns how long is left. */
const CLAIM = new LuaScript(`
if redis.call('SET', KEYS[1], '1', 'NX', 'PX', ARGV[1]) then return 0 end
local left = redis.call('PTTL', KEYS[1])
if left < 0 then return 0 end
return left`);

/**
 * Spaces out work per key across every process sharing the Redis: at most one claim per key per
 * interval. Used so an incident's summary is edited at most once a second however many notes arrive.
 */
export class JobCooldown {
  constructor(
    private readonly redis: RedisConnection,
    private readonly prefix: string,
  ) {}

  /** 0 when the caller may go now (and the interval starts); otherwise the milliseconds until it may. */
  async claim(key: string, intervalMs: number): Promise<number> {
    if (intervalMs <= 0) return 0; // no spacing asked for (and PX 0 is an error to Redis)
    const left = await CLAIM.run(this.redis, 1, `${this.prefix}:cooldown:${key}`, String(intervalMs));
    return Number(left);
  }
}
