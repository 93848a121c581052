import { Redis, type RedisOptions } from 'ioredis';
import type { Logger } from '../../logging/create-logger.ts';
import { parseRedisUrl } from './parse-redis-url.ts';
import type { RedisConnection } from './redis-connection.ts';

/**
 * How long a command waits for Redis to come back before it is answered "could not record".
 * Long enough to ride out a restart of redis-server (AOF replay included), short enough that
 * the person who typed it gets an honest answer while they still look at the screen.
 */
export const REDIS_OUTAGE_BUDGET_MS = 10_000;

/** Reconnect quickly at first (a restart takes a second or two), then once a second. */
export function reconnectDelay(attempt: number): number {
  return Math.min(100 * attempt, 1_000);
}

/** How many reconnect attempts fit in `budgetMs`: ioredis counts its patience in attempts, not time. */
export function retriesWithin(budgetMs: number): number {
  let spent = 0;
  let attempts = 0;
  while (spent + reconnectDelay(attempts + 1) <= budgetMs) {
    attempts += 1;
    spent += reconnectDelay(attempts);
  }
  return Math.max(1, attempts);
}

/**
 * The outage behaviour, spelled out:
 * - a command issued while Redis is unreachable waits in the offline queue and is sent as soon
 *   as the connection is back (retried until stored);
 * - if Redis stays away for the whole budget, ioredis rejects the queued commands *without
 *   having sent them*, and the core answers "could not record, try again" (never "recorded");
 * - commands that were on the wire when the connection dropped are re-sent on reconnect, so
 *   their promises always settle (turning that off would leave them hanging forever);
 * - there is no `commandTimeout` on purpose: it rejects a command but leaves it in the offline
 *   queue, so it could still be written after the user was told it was not.
 */
export function redisClientOptions(budgetMs = REDIS_OUTAGE_BUDGET_MS): RedisOptions {
  return {
    enableOfflineQueue: true,
    maxRetriesPerRequest: retriesWithin(budgetMs),
    retryStrategy: reconnectDelay,
    autoResendUnfulfilledCommands: true,
    connectTimeout: 2_000,
    // A replica promoted by Sentinel answers READONLY until the client reconnects to the new master.
    reconnectOnError: (error) => error.message.startsWith('READONLY'),
    enableReadyCheck: true,
    lazyConnect: false,
  };
}

export const REDIS_CLIENT_OPTIONS: RedisOptions = redisClientOptions();

export interface ConnectRedisHooks {
  /** Connection trouble is logged here; without a logger it is swallowed (tests, tools). */
  logger?: Logger;
  /** Shrinks the outage budget; tests use it to see the "could not record" side quickly. */
  outageBudgetMs?: number;
}

/**
 * Connects to `redis://`, `rediss://` (TLS) or `redis+sentinel://` URLs; see parseRedisUrl for
 * the Sentinel form. `overrides` win over the defaults above.
 */
export function connectRedis(
  url: string,
  overrides: RedisOptions = {},
  hooks: ConnectRedisHooks = {},
): Redis {
  const parsed = parseRedisUrl(url);
  const options: RedisOptions = {
    ...redisClientOptions(hooks.outageBudgetMs),
    ...(parsed.kind === 'sentinel' ? parsed.options : {}),
    ...overrides,
  };
  delete options.replyMapping;
  const clean = options as Omit<RedisOptions, 'replyMapping'>;
  const redis = parsed.kind === 'sentinel' ? new Redis(clean) : new Redis(parsed.url, clean);
  watchConnection(redis, hooks.logger);
  return redis;
}

/** Logs connection trouble once per distinct error, for a single Redis and a Cluster alike. */
export function watchConnection(redis: RedisConnection, logger: Logger | undefined): void {
  let lastError = '';
  redis.on('error', (error: Error) => {
    // ioredis emits the same error on every reconnect attempt; one line per distinct error is enough.
    if (error.message === lastError) return;
    lastError = error.message;
    logger?.warn({ err: error }, 'redis connection error');
  });
  redis.on('reconnecting', (delayMs: number) => logger?.debug({ delayMs }, 'reconnecting to redis'));
  redis.on('ready', () => {
    if (lastError) logger?.info('redis connection restored');
    lastError = '';
  });
}
