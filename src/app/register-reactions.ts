import { type IncidentEventType, isChatter } from '../core/model/events.ts';
import { incidentKey } from '../core/model/incident-ref.ts';
import type { ReactionRegistry } from '../core/reactions/reaction-registry.ts';
import { registerPagingReactions } from '../paging/paging-follow-ups.ts';
import type { AppServices } from './app-services.ts';

/** Every type that changes the incident, apart from its declaration (provisioning posts the summary). */
const SUMMARY_TYPES: readonly IncidentEventType[] = [
  ...(
    [
      'channel_linked',
      'severity_changed',
      'role_assigned',
      'note_added',
      'status_updated',
      'paged',
      'page_failed',
      'acknowledged',
      'escalated',
      'reminder_sent',
      'reminder_snoozed',
      'action_item_added',
      'action_done',
      'action_reopened',
      'follow_up_exported',
      'follow_up_failed',
      'status_published',
      'resolved',
      'reopened',
      'postmortem_generated',
    ] as const
  ).filter((type) => !isChatter(type)),
  // Chatter, but the summary shows how far a slow read of an adopted channel's history has got.
  'history_progress',
];

/**
 * What the app does once events are in the log, keyed by event type. The reactor runs these from
 * the feed, so each runs for every logged event, after a crash too; each is idempotent by event.
 */
export function registerReactions(registry: ReactionRegistry, services: AppServices): ReactionRegistry {
  const { jobs } = services;
  registry.on('declared', 'provision-incident', async ({ ref }) => {
    await jobs.enqueue(
      'provision-incident',
      { platform: ref.platform, workspace: ref.workspace, number: ref.number },
      { jobId: `provision:${ref.platform}:${ref.workspace}:${ref.number}` },
    );
  });
  // Coalesced twice: one add per incident per batch of appends, and one job per incident in the
  // queue (it reads the latest state when it runs, at most once a second: see refresh-summary.ts).
  registry.onLatest(SUMMARY_TYPES, 'refresh-summary', async ({ ref }) => {
    await jobs.enqueue('refresh-summary', { ...ref }, { coalesceId: `summary:${incidentKey(ref)}` });
  });
  registry.on('postmortem_generated', 'write-postmortem', async ({ ref, event }) => {
    await services.postmortems.write(ref, event);
  });
  registerPagingReactions(registry, services);
  return registry;
}
