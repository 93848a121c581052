import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConsolePlatform } from '../../../adapters/console/console-platform.ts';
import { type App, createApp } from '../../../src/app/create-app.ts';
import { type AppConfig, configSchema } from '../../../src/config/config-schema.ts';
import type { Reply } from '../../../src/core/commands/reply.ts';
import type { StoredEvent } from '../../../src/core/model/events.ts';
import type { IncidentRef } from '../../../src/core/model/incident-ref.ts';
import type { IncidentState } from '../../../src/core/model/incident-state.ts';
import type { Clock } from '../../../src/core/time/clock.ts';
import { buildTimeline } from '../../../src/core/timeline/build-timeline.ts';
import type { PagerEndpoints } from '../../../src/paging/register-paging.ts';
import { connectRedis } from '../../../src/storage/redis/connect-redis.ts';
import type { RedisConnection } from '../../../src/storage/redis/redis-connection.ts';
import { testRedisUrl, uniquePrefix } from '../../support/test-app.ts';

/** A schedule used across the paging tests: two layers, so escalation can reach the secondary. */
export const PLATFORM_SCHEDULE = {
  id: 'platform',
  timezone: 'Europe/Berlin',
  layers: [
    { name: 'primary', rotation: 'weekly', handoff: '09:00', start: '2025-01-06', members: ['alice', 'bob'] },
    {
      name: 'secondary',
      rotation: 'weekly',
      handoff: '09:00',
      start: '2025-01-06',
      members: ['dave', 'erin'],
    },
  ],
};

/** Turns off the rules that keep delayed jobs around (cadence nudges, auto-escalation), per severity. */
export const QUIET = {
  update_interval: false,
  commander_nudge: false,
  auto_escalate: false,
  postmortem: { required: false },
} as const;

export const INC1: IncidentRef = { platform: 'console', workspace: 'local', number: 1 };

export function pagingConfig(raw: Record<string, unknown>): AppConfig {
  return configSchema.parse(raw);
}

/** One bot process: a real app on real Redis and BullMQ, with the console as its chat platform. */
export interface PagingNode {
  app: App;
  redis: RedisConnection;
  printed: string[];
  dispose(): Promise<void>;
}

export function startNode(options: {
  config: AppConfig;
  prefix: string;
  endpoints?: PagerEndpoints;
  workers?: boolean;
  clock?: Clock;
  /** Another Redis than the run's (a Cluster); the node closes it on dispose. */
  redis?: () => RedisConnection;
}): PagingNode {
  const redis = options.redis?.() ?? connectRedis(testRedisUrl());
  const app = createApp({
    redis,
    config: options.config,
    postmortemDir: mkdtempSync(join(tmpdir(), 'tocsin-paging-pm-')),
    prefix: options.prefix,
    ...(options.endpoints ? { paging: options.endpoints } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
  });
  const printed: string[] = [];
  app.platforms.register(new ConsolePlatform((text) => printed.push(text), app.services.redactor));
  if (options.workers !== false) app.startWorkers();
  return {
    app,
    redis,
    printed,
    dispose: async () => {
      await app.close();
      redis.disconnect();
    },
  };
}

/** Drives incidents through the core the way an adapter would, and reads what the log says. */
export class PagingDriver {
  constructor(readonly node: PagingNode) {}

  get app(): App {
    return this.node.app;
  }

  async run(text: string, as = 'alice', channel?: string): Promise<Reply | undefined> {
    const state = await this.app.store.state(INC1);
    return this.app.core.process({
      kind: 'command',
      text,
      context: {
        platform: 'console',
        workspace: 'local',
        channel: channel ?? state?.channel?.id ?? 'general',
        actor: { id: as, name: as },
      },
    });
  }

  /** Declares INC-1 from #general and waits until its channel exists. */
  async declare(text: string): Promise<IncidentState> {
    const reply = await this.run(`start ${text}`, 'alice', 'general');
    if (reply?.error) throw new Error(reply.text);
    return this.waitForState((state) => state.channel !== undefined);
  }

  async events(): Promise<StoredEvent[]> {
    return this.app.store.read(INC1);
  }

  async timeline(): Promise<string[]> {
    return buildTimeline(await this.events()).map((entry) => `${entry.kind}: ${entry.text}`);
  }

  async waitForEvents(predicate: (event: StoredEvent) => boolean, count = 1): Promise<StoredEvent[]> {
    return waitUntil(async () => {
      const matching = (await this.events()).filter(predicate);
      return matching.length >= count ? matching : undefined;
    }, `${count} matching event(s) in the log`);
  }

  /** The bot posts after it records, so what it says in chat is waited for, not read at once. */
  async waitForPrinted(fragment: string): Promise<string> {
    return waitUntil(
      async () => this.node.printed.find((line) => line.includes(fragment)),
      `"${fragment}" in the chat`,
    );
  }

  async waitForState(predicate: (state: IncidentState) => boolean): Promise<IncidentState> {
    return waitUntil(async () => {
      const state = await this.app.store.state(INC1);
      return state && predicate(state) ? state : undefined;
    }, 'the incident state');
  }

  /** Nothing waiting, running or delayed: no step or reminder can fire any more. */
  async drained(): Promise<void> {
    await waitUntil(async () => {
      const counts = await this.app.jobs.queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
      return Object.values(counts).every((count) => count === 0) ? true : undefined;
    }, 'an empty queue');
  }
}

export async function waitUntil<T>(
  probe: () => Promise<T | undefined>,
  what: string,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export { uniquePrefix };
