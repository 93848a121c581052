import type { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppServices } from '../app/app-services.ts';
import type { TicketSystem } from '../core/model/events.ts';
import type { ReactionRegistry } from '../core/reactions/reaction-registry.ts';
import type { BullJobQueue } from '../jobs/bullmq-job-queue.ts';
import type { PlatformRegistry } from '../ports/chat-platform.ts';
import type { RedisConnection } from '../storage/redis/redis-connection.ts';
import { exportFollowUp, exportJobId } from './export-follow-up.ts';
import { FOLLOW_UP_JOBS, type FollowUpContext } from './follow-up-context.ts';
import { autoExportSystems, type FollowUpsConfig } from './follow-ups-config.ts';
import { GithubTickets } from './github-tickets.ts';
import { registerGithubWebhook } from './github-webhook.ts';
import { JiraTickets } from './jira-tickets.ts';
import { registerJiraWebhook } from './jira-webhook.ts';
import { pollTickets } from './poll-tickets.ts';
import type { TicketClient } from './ticket-client.ts';
import { TicketIndex } from './ticket-index.ts';

const WEBHOOK_BODY_LIMIT = 1024 * 1024;

export interface FollowUpsInput {
  services: AppServices;
  platforms: PlatformRegistry;
  reactions: ReactionRegistry;
  jobs: BullJobQueue;
  routes: Hono;
  redis: RedisConnection;
  prefix: string;
  webBaseUrl?: string;
}

/** Starts what runs on its own: the poll, when `follow_ups.poll` asks for one. */
export interface FollowUps {
  start(): Promise<void>;
}

/**
 * Wires follow-ups (issue #19) into the app: exports as jobs (from `/incident action export` and
 * `auto_export`), the ticket index the webhooks and the poll read, and the webhook routes.
 */
export function registerFollowUps(input: FollowUpsInput): FollowUps {
  const config: FollowUpsConfig | undefined = input.services.config.follow_ups;
  const { jobs, reactions } = input;
  // A poll scheduled by an earlier config must not outlive it (its jobs would find no handler).
  const unschedule = async () => void (await jobs.queue.removeJobScheduler(FOLLOW_UP_JOBS.poll));
  if (!config) return { start: unschedule };
  const ctx: FollowUpContext = {
    services: input.services,
    platforms: input.platforms,
    config,
    tickets: clientsOf(config),
    index: new TicketIndex(input.redis, input.prefix),
    ...(input.webBaseUrl === undefined ? {} : { webBaseUrl: input.webBaseUrl }),
  };
  const auto = autoExportSystems(config);
  reactions.on('action_item_added', 'follow-up-auto-export', async ({ ref, event, revision }) => {
    if (event.type !== 'action_item_added') return;
    for (const system of auto) {
      const job = { ref, itemId: event.itemId, system };
      await jobs.enqueue(FOLLOW_UP_JOBS.export, job, { jobId: exportJobId(job, revision) });
    }
  });
  reactions.on('follow_up_requested', 'follow-up-export', async ({ ref, event, revision }) => {
    if (event.type !== 'follow_up_requested') return;
    const job = { ref, itemId: event.itemId, system: event.system };
    await jobs.enqueue(FOLLOW_UP_JOBS.export, job, { jobId: exportJobId(job, revision) });
  });
  reactions.on('follow_up_exported', 'follow-up-index', async ({ ref, event }) => {
    if (event.type !== 'follow_up_exported') return;
    await ctx.index.link(ref, event.itemId, { system: event.system, key: event.key, url: event.url });
  });
  jobs.handle(FOLLOW_UP_JOBS.export, exportFollowUp(ctx));
  jobs.handle(FOLLOW_UP_JOBS.poll, pollTickets(ctx));
  // GitHub caps its payloads at 25 MB; an issues event is a few kB. Bigger is not a delivery.
  input.routes.use(
    '/webhooks/*',
    bodyLimit({ maxSize: WEBHOOK_BODY_LIMIT, onError: (c) => c.text('too large\n', 413) }),
  );
  registerGithubWebhook(input.routes, ctx);
  registerJiraWebhook(input.routes, ctx);
  return {
    start: async () => {
      if (config.poll === undefined) return unschedule();
      // One schedule for every replica: upserting it again only moves its interval.
      await jobs.queue.upsertJobScheduler(
        FOLLOW_UP_JOBS.poll,
        { every: config.poll },
        { name: FOLLOW_UP_JOBS.poll, data: {}, opts: { attempts: 1 } },
      );
    },
  };
}

function clientsOf(config: FollowUpsConfig): Map<TicketSystem, TicketClient> {
  const clients = new Map<TicketSystem, TicketClient>();
  if (config.github) clients.set('github', new GithubTickets(config.github));
  if (config.jira) clients.set('jira', new JiraTickets(config.jira));
  return clients;
}

/** The credentials in `follow_ups:` and `status_page:`, for the logger to scrub wherever they appear. */
export function followUpSecrets(config: AppServices['config']): string[] {
  const { github, jira, webhook_secret } = config.follow_ups ?? {};
  return [github?.token, jira?.token, webhook_secret, config.status_page.statuspage?.api_key].filter(
    (value): value is string => typeof value === 'string' && value.length > 0,
  );
}
