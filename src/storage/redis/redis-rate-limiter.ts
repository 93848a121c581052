import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { RateBucket, RateLimiter, RateTake } from '../../ports/rate-limiter.ts';
import type { RedisConnection } from './redis-connection.ts';

/** rate-limiter-flexible's fixed windows on Redis: one atomic INCR-with-expiry per bucket. */
export class RedisRateLimiter implements RateLimiter {
  private readonly limiters = new Map<string, RateLimiterRedis>();

  constructor(
    private readonly redis: RedisConnection,
    private readonly prefix: string,
  ) {}

  async take(buckets: readonly RateBucket[]): Promise<RateTake> {
    const taken: RateBucket[] = [];
    const giveBack = () =>
      Promise.all(taken.map((bucket) => this.limiter(bucket).reward(bucket.key, 1))).then(() => {});
    for (const bucket of buckets) {
      try {
        await this.limiter(bucket).consume(bucket.key, 1);
        taken.push(bucket);
      } catch (error) {
        await giveBack();
        if (error instanceof RateLimiterRes) return { ok: false, bucket, retryAfterMs: error.msBeforeNext };
        throw error;
      }
    }
    return { ok: true, release: giveBack };
  }

  private limiter(bucket: RateBucket): RateLimiterRedis {
    const id = `${bucket.limit}:${bucket.windowMs}`;
    let limiter = this.limiters.get(id);
    if (!limiter) {
      limiter = new RateLimiterRedis({
        storeClient: this.redis,
        keyPrefix: `${this.prefix}:rate`,
        points: bucket.limit,
        duration: Math.max(1, Math.ceil(bucket.windowMs / 1000)),
      });
      this.limiters.set(id, limiter);
    }
    return limiter;
  }
}
