import type { AppConfig } from '../config/config-schema.ts';
import { DEFAULT_OPSGENIE_API_URL, DEFAULT_PAGERDUTY_EVENTS_URL } from '../config/read-env.ts';
import { COMMANDS } from '../core/commands/command-registry.ts';
import { type CommandObserver, IncidentCore } from '../core/incident-core.ts';
import { ReactionRegistry } from '../core/reactions/reaction-registry.ts';
import { Reactor } from '../core/reactions/reactor.ts';
import { AdjustableClock, type Clock } from '../core/time/clock.ts';
import { registerFollowUps } from '../follow-ups/register-follow-ups.ts';
import { createPublicHttp, type PublicHttp } from '../http/public-http.ts';
import { BullJobQueue, bullPrefix } from '../jobs/bullmq-job-queue.ts';
import { provisionIncident } from '../jobs/handlers/provision-incident.ts';
import { READ_HISTORY_JOB, readHistory } from '../jobs/handlers/read-history.ts';
import { refreshSummary, SUMMARY_INTERVAL_MS } from '../jobs/handlers/refresh-summary.ts';
import { JobCooldown } from '../jobs/job-cooldown.ts';
import type { Logger } from '../logging/create-logger.ts';
import type { PrometheusMetrics } from '../observability/metrics.ts';
import { createPagingDirectory } from '../paging/paging-directory.ts';
import { type PagerEndpoints, registerPaging } from '../paging/register-paging.ts';
import { PlatformRegistry } from '../ports/chat-platform.ts';
import { FilePostmortemWriter } from '../postmortem/postmortem-writer.ts';
import { createRedactor } from '../redaction/redact-secrets.ts';
import { registerStatusPage } from '../status-page/register-status-page.ts';
import { OpenSeverityIndex } from '../storage/redis/open-severity-index.ts';
import type { RedisConnection } from '../storage/redis/redis-connection.ts';
import { RedisEventFeed } from '../storage/redis/redis-event-feed.ts';
import { RedisIncidentStore } from '../storage/redis/redis-incident-store.ts';
import { RedisKeys } from '../storage/redis/redis-keys.ts';
import { RedisProvisioningJournal } from '../storage/redis/redis-provisioning-journal.ts';
import { RedisRateLimiter } from '../storage/redis/redis-rate-limiter.ts';
import { registerWebRoutes, type WebOptions } from '../web/web-routes.ts';
import type { AppServices } from './app-services.ts';
import { coreObserver } from './core-observer.ts';
import { coreSettings } from './core-settings.ts';
import { logJobFailures, watchQueueErrors } from './log-job-failures.ts';
import { ReadinessState } from './readiness-state.ts';
import { registerReactions } from './register-reactions.ts';
import { trackOpenIncidents } from './track-open-incidents.ts';
import { WorkerHandoff } from './worker-handoff.ts';

export interface AppOptions {
  redis: RedisConnection;
  config: AppConfig;
  postmortemDir: string;
  /** Namespaces every Redis key and queue, so tests can share one Redis. */
  prefix?: string;
  clock?: Clock;
  observer?: CommandObserver;
  /** Counters and scrape-time gauges; wired into the core, the reactions and the queue. */
  metrics?: PrometheusMetrics;
  logger?: Logger;
  /** PagerDuty / Opsgenie endpoints (from PAGERDUTY_EVENTS_URL / OPSGENIE_API_URL); defaults are the real ones. */
  paging?: PagerEndpoints;
  /** How long an unacknowledged feed entry waits before another reactor takes it over. */
  reactionClaimIdleMs?: number;
  /** Least time between two edits of one incident's summary (default SUMMARY_INTERVAL_MS, 1 s). */
  summaryIntervalMs?: number;
  /** The web view (WEB_BASE_URL, WEB_SESSION_SECRET); default: links to http://localhost:3000. */
  web?: WebOptions;
  /** WEB_BASE_URL: exported tickets link to the incident's web view there. */
  webBaseUrl?: string;
}

/** Everything a running bot is made of, wired once. Adapters attach to `core` and `platforms`. */
export interface App {
  core: IncidentCore;
  services: AppServices;
  /** Runs the reactions to the log (started with the workers). */
  reactor: Reactor;
  store: RedisIncidentStore;
  jobs: BullJobQueue;
  platforms: PlatformRegistry;
  clock: Clock;
  /** Startup work adapters must finish before /readyz says ready (their backfill), and draining. */
  readiness: ReadinessState;
  metrics?: PrometheusMetrics;
  /** The public HTTP surface (web view, webhooks, status page): served on PORT by main or by Slack. */
  http: PublicHttp;
  startWorkers(): void;
  /**
   * Stops the job workers and the queue. With `graceMs`, running jobs get that long to finish and
   * the rest go back to the queue at once; without it, close waits for them.
   */
  close(options?: { graceMs?: number }): Promise<void>;
}

export function createApp(options: AppOptions): App {
  const prefix = options.prefix ?? 'tocsin';
  const clock = options.clock ?? new AdjustableClock();
  const store = new RedisIncidentStore(options.redis, new RedisKeys(prefix));
  const jobs = new BullJobQueue({ connection: options.redis, prefix: bullPrefix(prefix) });
  const platforms = new PlatformRegistry();
  const services: AppServices = {
    platforms,
    store,
    jobs,
    clock,
    config: options.config,
    settings: coreSettings(options.config),
    paging: createPagingDirectory(options.config),
    redactor: createRedactor(options.config.redaction.extra_patterns),
    commands: COMMANDS,
    limiter: new RedisRateLimiter(options.redis, prefix),
    postmortems: new FilePostmortemWriter(store, options.config, clock, options.postmortemDir),
    ...(options.metrics ? { metrics: options.metrics } : {}),
  };
  const http = createPublicHttp(options.logger);
  // --- Web view (issue #17): its routes on the public HTTP surface, its links for `/incident web`.
  services.signInLinks = registerWebRoutes(http.routes, services, options.redis, `${prefix}:web`, {
    ...(options.web ?? { baseUrl: 'http://localhost:3000' }),
    ...(options.logger ? { logger: options.logger } : {}),
  });
  const feed = new RedisEventFeed(options.redis, store.keys);
  const openIndex = new OpenSeverityIndex(options.redis, store.keys.openSeverities());
  const reactions = registerReactions(new ReactionRegistry(), services);
  trackOpenIncidents(reactions, store, openIndex);
  const reactor = new Reactor(feed, store, reactions, {
    ...(options.reactionClaimIdleMs === undefined ? {} : { claimIdleMs: options.reactionClaimIdleMs }),
    onError: (error, entry, reaction) =>
      options.logger?.warn({ err: error, reaction, feedEntry: entry.id }, 'reaction failed; it is retried'),
  });
  options.metrics?.attach({ openIncidents: openIndex, queue: jobs.queue });
  watchQueueErrors(jobs.queue, options.logger);
  jobs.handle(
    'provision-incident',
    provisionIncident(services, platforms, new RedisProvisioningJournal(options.redis, store.keys)),
  );
  jobs.handle(READ_HISTORY_JOB, readHistory(services));
  jobs.handle(
    'refresh-summary',
    refreshSummary(services, platforms, {
      cooldown: new JobCooldown(options.redis, prefix),
      intervalMs: options.summaryIntervalMs ?? SUMMARY_INTERVAL_MS,
    }),
  );
  // --- Paging (issue #5): pagers, escalation chains, auto-escalation and reminders, all as jobs.
  registerPaging({
    jobs,
    services,
    platforms,
    endpoints: options.paging ?? {
      pagerdutyEventsUrl: DEFAULT_PAGERDUTY_EVENTS_URL,
      opsgenieApiUrl: DEFAULT_OPSGENIE_API_URL,
    },
  });
  // --- end of paging.
  // --- Follow-ups and the status page (issue #19): tickets, webhooks, public status routes.
  const feature = { services, platforms, reactions, jobs, routes: http.routes, redis: options.redis, prefix };
  const followUps = registerFollowUps({
    ...feature,
    ...(options.webBaseUrl === undefined ? {} : { webBaseUrl: options.webBaseUrl }),
  });
  registerStatusPage(feature);
  const core = new IncidentCore(
    services,
    coreObserver({
      ...(options.observer ? { observer: options.observer } : {}),
      ...(options.metrics ? { metrics: options.metrics } : {}),
      ...(options.logger ? { logger: options.logger } : {}),
    }),
  );
  let handoff: WorkerHandoff | undefined;
  return {
    core,
    services,
    reactor,
    store,
    jobs,
    platforms,
    clock,
    readiness: new ReadinessState(),
    http,
    ...(options.metrics ? { metrics: options.metrics } : {}),
    startWorkers: () => {
      if (handoff) return;
      const worker = jobs.start();
      reactor.start();
      // Open incidents from before the index existed are counted once, in the background.
      void openIndex
        .buildOnce(store)
        .catch((error: unknown) =>
          options.logger?.warn({ err: error }, 'could not count the open incidents for /metrics'),
        );
      // Replies that promise a reaction's result (the postmortem file) wait for it from now on.
      services.reactions = feed;
      // Settled means the reactions to the log ran too, not only the jobs they queued.
      jobs.addIdleProbe(async () => (await feed.backlog()) === 0);
      handoff = new WorkerHandoff(worker, options.logger);
      void followUps
        .start()
        .catch((error: unknown) =>
          options.logger?.warn({ err: error }, 'could not schedule the ticket poll'),
        );
      if (options.logger) logJobFailures(worker, options.logger);
    },
    close: async (closeOptions = {}) => {
      await reactor.stop();
      if (handoff && closeOptions.graceMs !== undefined) await handoff.stop(closeOptions.graceMs);
      await jobs.close();
    },
  };
}
