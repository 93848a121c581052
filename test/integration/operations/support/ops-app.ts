import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Redis } from 'ioredis';
import { ConsolePlatform } from '../../../../adapters/console/console-platform.ts';
import { type App, createApp } from '../../../../src/app/create-app.ts';
import type { Reply } from '../../../../src/core/commands/reply.ts';
import type { IncidentRef } from '../../../../src/core/model/incident-ref.ts';
import { AdjustableClock } from '../../../../src/core/time/clock.ts';
import type { Logger } from '../../../../src/logging/create-logger.ts';
import { createMetrics, type PrometheusMetrics } from '../../../../src/observability/metrics.ts';
import { connectRedis } from '../../../../src/storage/redis/connect-redis.ts';
import { testConfig, testRedisUrl, uniquePrefix } from '../../../support/test-app.ts';

export interface OpsApp extends App {
  redis: Redis;
  metrics: PrometheusMetrics;
  clock: AdjustableClock;
  /** Types `/incident <text>` as `actor` in `channel` and returns the core's reply (or throws its SystemError). */
  command(text: string, options?: { channel?: string; actor?: string }): Promise<Reply | undefined>;
  /** A chat message said in `channel`. */
  message(text: string, channel: string, messageId: string): Promise<void>;
  /** Declares an incident and waits for its channel; returns the channel id and the ref. */
  declare(title: string, severity?: string): Promise<{ channel: string; ref: IncidentRef }>;
  dispose(): Promise<void>;
}

const WORKSPACE = { platform: 'console', workspace: 'local' };

/** A full app with metrics, on the run's Redis (or a private one), driven through `core.process`. */
export function createOpsApp(
  options: {
    redisUrl?: string;
    outageBudgetMs?: number;
    startWorkers?: boolean;
    logger?: Logger;
    config?: Record<string, unknown>;
  } = {},
): OpsApp {
  const redis = connectRedis(
    options.redisUrl ?? testRedisUrl(),
    {},
    {
      ...(options.outageBudgetMs === undefined ? {} : { outageBudgetMs: options.outageBudgetMs }),
      ...(options.logger ? { logger: options.logger } : {}),
    },
  );
  const metrics = createMetrics({ defaultMetrics: false });
  const clock = new AdjustableClock();
  const app = createApp({
    redis,
    config: testConfig(options.config),
    postmortemDir: mkdtempSync(join(tmpdir(), 'tocsin-ops-')),
    prefix: uniquePrefix('ops'),
    clock,
    metrics,
    ...(options.logger ? { logger: options.logger } : {}),
  });
  app.platforms.register(new ConsolePlatform(() => {}, app.services.redactor));
  if (options.startWorkers !== false) app.startWorkers();
  const context = (channel: string, actor: string) => ({
    ...WORKSPACE,
    channel,
    actor: { id: actor, name: actor },
  });
  const ops: OpsApp = {
    ...app,
    redis,
    metrics,
    clock,
    command: (text, where = {}) =>
      app.core.process({
        kind: 'command',
        text,
        context: context(where.channel ?? 'general', where.actor ?? 'alice'),
      }),
    message: async (text, channel, messageId) => {
      await app.core.process({
        kind: 'message',
        messageId,
        text,
        occurredAt: clock.now(),
        context: context(channel, 'bob'),
      });
    },
    declare: async (title, severity = 'sev2') => {
      const reply = await ops.command(`start ${severity} ${title}`);
      if (!reply?.incident) throw new Error(`start did not declare: ${reply?.text}`);
      const ref = {
        platform: reply.incident.platform,
        workspace: reply.incident.workspace,
        number: reply.incident.number,
      };
      await app.jobs.settle();
      const state = await app.store.state(ref);
      if (!state?.channel) throw new Error('the incident got no channel');
      return { channel: state.channel.id, ref };
    },
    dispose: async () => {
      await app.close({ graceMs: 0 });
      redis.disconnect();
    },
  };
  return ops;
}
