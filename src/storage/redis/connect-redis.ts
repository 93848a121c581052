import { Redis, type RedisOptions } from 'ioredis';

/**
 * Reconnect and offline behaviour are set explicitly: a command that arrives during a short
 * Redis outage waits in the offline queue for a bounded time, then fails loudly, so nobody is
 * told "recorded" for something that was not.
 */
export const REDIS_CLIENT_OPTIONS: RedisOptions = {
  enableOfflineQueue: true,
  maxRetriesPerRequest: 20,
  connectTimeout: 5_000,
  retryStrategy: (attempt) => Math.min(50 * 2 ** attempt, 2_000),
  reconnectOnError: (error) => error.message.startsWith('READONLY'),
  lazyConnect: false,
};

export function connectRedis(url: string, overrides: RedisOptions = {}): Redis {
  const options = { ...REDIS_CLIENT_OPTIONS, ...overrides };
  delete options.replyMapping;
  return new Redis(url, options as Omit<RedisOptions, 'replyMapping'>);
}
