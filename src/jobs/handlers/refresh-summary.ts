import type { AppServices } from '../../app/app-services.ts';
import { type IncidentRef, incidentKey } from '../../core/model/incident-ref.ts';
import type { PlatformRegistry } from '../../ports/chat-platform.ts';
import { DeferJob } from '../defer-job.ts';
import type { JobCooldown } from '../job-cooldown.ts';

/** Platforms rate-limit message edits (Slack's chat.update is Tier 3, about one a second per channel). */
export const SUMMARY_INTERVAL_MS = 1_000;

/** What a summary shows, per incident, so a refresh with nothing new makes no edit. Bounded. */
const SHOWN_LIMIT = 10_000;

/**
 * Edits the pinned summary so it shows the incident as the log says it is when the job runs (not
 * when it was queued), so one run covers every change before it. Runs at most once per incident
 * interval (SUMMARY_INTERVAL_MS unless the app says otherwise): inside the interval the job is deferred to its end, still holding the
 * incident's deduplication id, so the changes meanwhile fold into that one later run.
 */
export function refreshSummary(
  services: AppServices,
  platforms: PlatformRegistry,
  spacing: { cooldown: JobCooldown; intervalMs: number },
) {
  const shown = new Map<string, string>();
  return async (data: unknown): Promise<void> => {
    const ref = data as IncidentRef;
    const platform = platforms.get(ref.platform);
    if (!platform?.refreshSummary) return;
    const key = incidentKey(ref);
    const wait = await spacing.cooldown.claim(`summary:${key}`, spacing.intervalMs);
    if (wait > 0) throw new DeferJob(wait);
    const state = await services.store.state(ref);
    if (!state?.channel) return;
    // A run queued behind one that already showed this revision (see keepLastIfActive) edits nothing.
    // A slow history read moves on without a revision (it is chatter): its progress counts too.
    const showing = `${state.revision}:${state.history?.read}:${state.history?.done}:${state.history?.requestsPerMinute}`;
    if (shown.get(key) === showing) return;
    await platform.refreshSummary(state);
    shown.delete(key);
    shown.set(key, showing);
    if (shown.size > SHOWN_LIMIT) shown.delete(shown.keys().next().value as string);
  };
}
