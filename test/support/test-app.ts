import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { inject } from 'vitest';
import { ConsoleChat } from '../../adapters/console/console-chat.ts';
import { ConsolePlatform } from '../../adapters/console/console-platform.ts';
import { type App, createApp } from '../../src/app/create-app.ts';
import type { AppConfig } from '../../src/config/config-schema.ts';
import { configSchema } from '../../src/config/config-schema.ts';
import { AdjustableClock, type Clock } from '../../src/core/time/clock.ts';
import type { Logger } from '../../src/logging/create-logger.ts';
import { connectRedis } from '../../src/storage/redis/connect-redis.ts';
import type { RedisConnection } from '../../src/storage/redis/redis-connection.ts';

/** The private redis-server that the globalSetup started for this run. */
export function testRedisUrl(): string {
  return inject('redisUrl');
}

/** A unique key prefix per test, so tests share one Redis without seeing each other. */
export function uniquePrefix(label = 't'): string {
  return `test:${label}:${randomUUID().slice(0, 8)}`;
}

export interface TestApp extends App {
  redis: RedisConnection;
  prefix: string;
  postmortemDir: string;
  /** Closes workers, queues and the connection. */
  dispose(): Promise<void>;
}

export const TEST_SUMMARY_INTERVAL_MS = 20;

export function testConfig(overrides: Record<string, unknown> = {}): AppConfig {
  return configSchema.parse(overrides);
}

/** A full app (real Redis, real BullMQ) under a fresh prefix. Workers start unless told not to. */
export function createTestApp(
  options: {
    config?: AppConfig;
    clock?: Clock;
    prefix?: string;
    startWorkers?: boolean;
    /** How soon a reactor takes over feed entries a crashed one left unacknowledged. */
    reactionClaimIdleMs?: number;
    logger?: Logger;
    /** Another Redis than the run's (a Cluster): the app closes it with itself. */
    redis?: () => RedisConnection;
    /** Least time between summary edits; short by default (see below). */
    summaryIntervalMs?: number;
  } = {},
): TestApp {
  const redis = options.redis?.() ?? connectRedis(testRedisUrl());
  const prefix = options.prefix ?? uniquePrefix();
  const postmortemDir = mkdtempSync(join(tmpdir(), 'tocsin-pm-'));
  const app = createApp({
    redis,
    config: options.config ?? testConfig(),
    postmortemDir,
    prefix,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.reactionClaimIdleMs === undefined
      ? {}
      : { reactionClaimIdleMs: options.reactionClaimIdleMs }),
    // Tests settle after every command, and settling waits for a deferred summary edit: at the
    // production 1 s each command would cost a second. The coalescing tests ask for the real one.
    summaryIntervalMs: options.summaryIntervalMs ?? TEST_SUMMARY_INTERVAL_MS,
  });
  // A silent console platform, so declarations get a channel; sessions replace it with a printing one.
  app.platforms.register(new ConsolePlatform(() => {}, app.services.redactor));
  if (options.startWorkers !== false) app.startWorkers();
  return {
    ...app,
    redis,
    prefix,
    postmortemDir,
    dispose: async () => {
      await app.close();
      redis.disconnect();
    },
  };
}

export interface ConsoleSession {
  app: TestApp;
  clock: AdjustableClock;
  /** Types lines one after another, as a person (or a pipe) would, and returns what was printed. */
  type(...lines: string[]): Promise<string>;
  transcript(): string;
  dispose(): Promise<void>;
}

/** Drives the real console adapter in process, with a settable clock. */
export function createConsoleSession(
  options: { config?: AppConfig; redis?: () => RedisConnection } = {},
): ConsoleSession {
  const clock = new AdjustableClock();
  const app = createTestApp({
    clock,
    ...(options.config ? { config: options.config } : {}),
    ...(options.redis ? { redis: options.redis } : {}),
  });
  const output = new PassThrough();
  let printed = '';
  output.on('data', (chunk: Buffer) => {
    printed += chunk.toString();
  });
  const chat = new ConsoleChat({
    core: app.core,
    jobs: app.jobs,
    clock,
    input: new PassThrough(),
    output,
    timeZone: app.services.config.timezone,
  });
  app.platforms.register(new ConsolePlatform((text) => chat.print(text), app.services.redactor));
  return {
    app,
    clock,
    type: async (...lines) => {
      const before = printed.length;
      for (const line of lines) await chat.handleLine(line);
      await app.jobs.settle();
      await new Promise((resolve) => setImmediate(resolve));
      return printed.slice(before);
    },
    transcript: () => printed,
    dispose: () => app.dispose(),
  };
}
