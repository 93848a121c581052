import type { Redis } from 'ioredis';
import type { AppConfig } from '../config/config-schema.ts';
import { COMMANDS } from '../core/commands/command-registry.ts';
import type { CoreServices } from '../core/core-services.ts';
import { type CommandObserver, IncidentCore } from '../core/incident-core.ts';
import { AdjustableClock, type Clock } from '../core/time/clock.ts';
import { BullJobQueue } from '../jobs/bullmq-job-queue.ts';
import { provisionIncident } from '../jobs/handlers/provision-incident.ts';
import { refreshSummary } from '../jobs/handlers/refresh-summary.ts';
import { PlatformRegistry } from '../ports/chat-platform.ts';
import { FilePostmortemWriter } from '../postmortem/postmortem-writer.ts';
import { RedisIncidentStore } from '../storage/redis/redis-incident-store.ts';
import { RedisKeys } from '../storage/redis/redis-keys.ts';

export interface AppOptions {
  redis: Redis;
  config: AppConfig;
  postmortemDir: string;
  /** Namespaces every Redis key and queue, so tests can share one Redis. */
  prefix?: string;
  clock?: Clock;
  observer?: CommandObserver;
}

/** Everything a running bot is made of, wired once. Adapters attach to `core` and `platforms`. */
export interface App {
  core: IncidentCore;
  services: CoreServices;
  store: RedisIncidentStore;
  jobs: BullJobQueue;
  platforms: PlatformRegistry;
  clock: Clock;
  startWorkers(): void;
  close(): Promise<void>;
}

export function createApp(options: AppOptions): App {
  const prefix = options.prefix ?? 'tocsin';
  const clock = options.clock ?? new AdjustableClock();
  const store = new RedisIncidentStore(options.redis, new RedisKeys(prefix));
  const jobs = new BullJobQueue({ connection: options.redis, prefix: `${prefix}:bull` });
  const platforms = new PlatformRegistry();
  const services: CoreServices = {
    platforms,
    store,
    jobs,
    clock,
    config: options.config,
    commands: COMMANDS,
    postmortems: new FilePostmortemWriter(store, options.config, clock, options.postmortemDir),
  };
  jobs.handle('provision-incident', provisionIncident(services, platforms));
  jobs.handle('refresh-summary', refreshSummary(services, platforms));
  const core = new IncidentCore(services, options.observer);
  return {
    core,
    services,
    store,
    jobs,
    platforms,
    clock,
    startWorkers: () => {
      jobs.start();
    },
    close: async () => {
      await jobs.close();
    },
  };
}
