import type { AppServices } from '../../app/app-services.ts';
import { appendSystemEvents } from '../../core/append-system-events.ts';
import { backfillIncident } from '../../core/backfill-incident.ts';
import type { IncidentRef } from '../../core/model/incident-ref.ts';
import type { PlatformRegistry } from '../../ports/chat-platform.ts';
import type { ProvisioningJournal } from '../../ports/provisioning-journal.ts';
import { JournalledProgress } from './journalled-progress.ts';
import { READ_HISTORY_JOB, type ReadHistoryData, readHistoryJobId } from './read-history.ts';

/**
 * Opens the incident's channel on its platform. Idempotent: every platform call is journalled,
 * so a retry after a crash at any point finds the channel (and the summary, the announcement)
 * again instead of making another; once the channel is linked, a retry stops at once.
 */
export function provisionIncident(
  services: AppServices,
  platforms: PlatformRegistry,
  journal: ProvisioningJournal,
) {
  return async (data: unknown): Promise<void> => {
    const ref = data as IncidentRef;
    const state = await services.store.state(ref);
    // An imported incident keeps the channel it was exported from; none is opened for it.
    if (!state || state.channel || state.imported) return;
    const platform = platforms.get(ref.platform);
    if (!platform) throw new Error(`no chat platform "${ref.platform}" in this process`);
    const progress = await JournalledProgress.load(journal, ref);
    if (state.adoptedSince && !platform.adoptIncidentSpace) {
      throw new Error(`${ref.platform} cannot adopt a channel`);
    }
    const space =
      state.adoptedSince && platform.adoptIncidentSpace
        ? await platform.adoptIncidentSpace(state, progress)
        : await platform.provisionIncidentSpace(state, progress);
    await services.store.linkChannel(ref, space.channelId);
    const channel = { id: space.channelId, name: space.channelName };
    if (state.adoptedSince && platform.readHistoryPage) {
      // An adopted channel's history may take minutes to read (Slack's slow tier): a job of its own,
      // enqueued before the link is logged, so a retry of this job cannot skip it.
      const read: ReadHistoryData = { ...ref, channel };
      await services.jobs.enqueue(READ_HISTORY_JOB, read, { jobId: readHistoryJobId(ref) });
    } else {
      // Live capture ignores a channel until it is linked: what people said in it from its creation
      // until now is read back (deduplicated by message id) before the link is logged.
      await backfillIncident(services, { ...state, channel });
    }
    await appendSystemEvents(services, ref, (current) =>
      current.channel
        ? undefined
        : [
            {
              type: 'channel_linked',
              channel: space.channelId,
              channelName: space.channelName,
              ...(space.url === undefined ? {} : { url: space.url }),
            },
          ],
    );
  };
}
