import type { AppServices } from '../../app/app-services.ts';
import { toChannel } from '../../core/commands/reply.ts';
import type { IncidentRef } from '../../core/model/incident-ref.ts';
import { readHistoryStep, slowHistoryNotice } from '../../core/read-adopted-history.ts';
import { DeferJob } from '../defer-job.ts';

export const READ_HISTORY_JOB = 'read-history';

export interface ReadHistoryData extends IncidentRef {
  channel: { id: string; name: string };
}

/** One read per adopted incident: its job id. */
export function readHistoryJobId(ref: IncidentRef): string {
  return `history:${ref.platform}:${ref.workspace}:${ref.number}`;
}

/**
 * Reads an adopted channel's history into the log. A platform that reads fast is read in one go;
 * a slow one (1 request a minute) puts the same job back for as long as it asks between requests,
 * so the read survives restarts (the position is in the log) and holds no worker meanwhile.
 */
export function readHistory(services: AppServices) {
  return async (data: unknown): Promise<void> => {
    const { channel, ...ref } = data as ReadHistoryData;
    const platform = services.platforms.get(ref.platform);
    // Another process (one that runs this platform) takes it on the retry.
    if (!platform?.readHistoryPage) throw new Error(`no chat platform "${ref.platform}" in this process`);
    for (;;) {
      const step = await readHistoryStep(services, ref, channel);
      if (step.done) return;
      // Adopt's own reply said so when the pace was known from the config.
      if (step.turnedSlow && !platform.historyPace?.()) {
        const notice = slowHistoryNotice(step.progress, services.settings.timezone);
        await platform.postMessage(ref.workspace, channel.id, toChannel(notice, { incident: ref }));
      }
      if (step.waitMs > 0) throw new DeferJob(step.waitMs);
    }
  };
}
