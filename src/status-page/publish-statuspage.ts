import type { Job } from 'bullmq';
import { UnrecoverableError } from 'bullmq';
import type { AppServices } from '../app/app-services.ts';
import type { EventOf } from '../core/model/events.ts';
import type { IncidentRef } from '../core/model/incident-ref.ts';
import { appendPagingEvents } from '../paging/append-paging-events.ts';
import { postIncidentNotice } from '../paging/incident-notice.ts';
import { eventsOf, type Revisioned, readPagingLog } from '../paging/paging-log.ts';
import type { PlatformRegistry } from '../ports/chat-platform.ts';
import type { StatuspageConfig } from './status-page-config.ts';
import { type StatuspageClient, StatuspageError, type StatuspageIncidentBody } from './statuspage-client.ts';

export const STATUSPAGE_JOB = 'statuspage-publish';

/**
 * Brings the incident on Statuspage up to its latest `status_published`: creates it the first
 * time, updates it after, and records `status_page_synced`. Coalesced per incident, so one run at a
 * time sends the newest text (an update published during a retry is sent by that retry).
 */
export function publishStatuspage(ctx: {
  services: AppServices;
  platforms: PlatformRegistry;
  client: StatuspageClient;
  config: StatuspageConfig;
}) {
  return async (data: unknown, job: Job): Promise<void> => {
    const { ref } = data as { ref: IncidentRef };
    const log = await readPagingLog(ctx.services.store, ref);
    const latest = latestPublished(log);
    if (!latest) return;
    const synced = eventsOf(log, 'status_page_synced');
    const linked = synced[0]?.remoteId;
    if (synced.some((event) => event.published >= latest.revision)) return;
    const body = incidentBody(
      latest.event,
      ctx.config,
      ctx.services.redactor.redact.bind(ctx.services.redactor),
    );
    try {
      // The name is set once; later updates add to the incident's history under it.
      const { name: _name, ...update } = body;
      const answer = linked ? await ctx.client.update(linked, update) : await ctx.client.create(body);
      await appendPagingEvents(ctx.services, ref, (fresh) =>
        eventsOf(fresh, 'status_page_synced').some((event) => event.published >= latest.revision)
          ? undefined
          : [
              {
                type: 'status_page_synced',
                provider: 'statuspage',
                remoteId: answer.id,
                published: latest.revision,
                ...(answer.shortlink ? { url: answer.shortlink } : {}),
              },
            ],
      );
    } catch (error) {
      const failure =
        error instanceof StatuspageError ? error : new StatuspageError((error as Error).message, true);
      const final = !failure.retryable || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      if (final) await tellChannel(ctx, ref, failure);
      if (!failure.retryable) throw new UnrecoverableError(failure.message);
      throw failure;
    }
  };
}

function latestPublished(log: readonly Revisioned[]) {
  for (let index = log.length - 1; index >= 0; index--) {
    const entry = log[index] as Revisioned;
    if (entry.event.type === 'status_published') {
      return { revision: entry.revision, event: entry.event as unknown as EventOf<'status_published'> };
    }
  }
  return undefined;
}

/** Configured components are marked while the incident is open and operational once resolved. */
function incidentBody(
  published: EventOf<'status_published'>,
  config: StatuspageConfig,
  redact: (text: string) => string,
): StatuspageIncidentBody {
  const message = redact(published.message);
  const ids = Object.keys(config.components);
  const components = Object.fromEntries(
    ids.map((id) => [
      id,
      published.status === 'resolved' ? 'operational' : (config.components[id] as string),
    ]),
  );
  return {
    name: message.split(/(?<=[.!?])\s/)[0]?.slice(0, 100) ?? message,
    status: published.status,
    body: message,
    impact_override: published.impact,
    deliver_notifications: true,
    ...(ids.length > 0 ? { component_ids: ids, components } : {}),
  };
}

async function tellChannel(
  ctx: { services: AppServices; platforms: PlatformRegistry },
  ref: IncidentRef,
  failure: StatuspageError,
): Promise<void> {
  const state = await ctx.services.store.state(ref);
  if (!state) return;
  const text = `Publishing the status update to Statuspage failed: ${ctx.services.redactor.redact(failure.message)}. tocsin's own status page has it; update Statuspage by hand, or publish again.`;
  await postIncidentNotice(ctx.platforms, state, text).catch(() => {
    // The channel may be what is failing.
  });
}
