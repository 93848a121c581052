import type { Hono } from 'hono';
import type { AppServices } from '../app/app-services.ts';
import { type IncidentRef, incidentKey } from '../core/model/incident-ref.ts';
import type { ReactionRegistry } from '../core/reactions/reaction-registry.ts';
import type { JobHandler } from '../jobs/bullmq-job-queue.ts';
import { appendPagingEvents } from '../paging/append-paging-events.ts';
import { eventsOf } from '../paging/paging-log.ts';
import type { PlatformRegistry } from '../ports/chat-platform.ts';
import type { JobQueue } from '../ports/job-queue.ts';
import type { RedisConnection } from '../storage/redis/redis-connection.ts';
import { PublicStatusIndex } from './public-status-index.ts';
import { publishStatuspage, STATUSPAGE_JOB } from './publish-statuspage.ts';
import { registerStatusRoutes } from './status-routes.ts';
import { StatuspageClient } from './statuspage-client.ts';

/** What a resolved incident's public page says when nobody published a last word. */
export const RESOLVED_MESSAGE = 'This incident has been resolved.';

/**
 * The status page (issue #19): the index of published incidents and tocsin's own public routes,
 * always; Statuspage as a job when `status_page.statuspage` is configured.
 */
export function registerStatusPage(input: {
  services: AppServices;
  platforms: PlatformRegistry;
  reactions: ReactionRegistry;
  jobs: JobQueue & { handle(name: string, handler: JobHandler): void };
  routes: Hono;
  redis: RedisConnection;
  prefix: string;
}): void {
  const { services, reactions, jobs } = input;
  const index = new PublicStatusIndex(input.redis, input.prefix);
  registerStatusRoutes(input.routes, services, index);
  reactions.on('status_published', 'status-page-index', async ({ ref, event }) => {
    await index.add(ref, event.at);
  });
  // A resolve closes what the public was told, even when nobody thought to say so there.
  reactions.on('resolved', 'status-page-resolved', async ({ ref }) => {
    await publishResolved(services, ref);
  });
  const statuspage = services.config.status_page.statuspage;
  if (!statuspage) return;
  jobs.handle(
    STATUSPAGE_JOB,
    publishStatuspage({
      services,
      platforms: input.platforms,
      client: new StatuspageClient(statuspage),
      config: statuspage,
    }),
  );
  reactions.on('status_published', 'statuspage-publish', async ({ ref }) => {
    await jobs.enqueue(STATUSPAGE_JOB, { ref }, { coalesceId: `${STATUSPAGE_JOB}:${incidentKey(ref)}` });
  });
}

/** Decided on the log read with the state, so a reaction run twice publishes once. */
async function publishResolved(services: AppServices, ref: IncidentRef): Promise<void> {
  await appendPagingEvents(services, ref, (log, state) => {
    const last = eventsOf(log, 'status_published').at(-1);
    if (!last || last.status === 'resolved' || state.status !== 'resolved') return undefined;
    return [{ type: 'status_published', status: 'resolved', message: RESOLVED_MESSAGE, impact: last.impact }];
  });
}
