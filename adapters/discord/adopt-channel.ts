import type { IncidentState } from '../../src/core/public-api.ts';
import type { IncidentSpace } from '../../src/ports/chat-platform.ts';
import type { ProvisioningProgress } from '../../src/ports/provisioning-journal.ts';
import type { DiscordContext } from './discord-context.ts';
import { messageChannel } from './incident-channel.ts';
import { findSummaryMessage } from './summary-lookup.ts';
import { postSummary } from './summary-publisher.ts';

/**
 * `/incident adopt`: the channel it was typed in becomes the incident's; the summary is posted
 * and pinned there (found again, not posted twice, on a retry). No channel is created.
 */
export async function adoptDiscordChannel(
  ctx: DiscordContext,
  incident: IncidentState,
  progress: ProvisioningProgress,
): Promise<IncidentSpace> {
  const channel = await messageChannel(ctx.client, incident.originChannel);
  const botId = ctx.client.user?.id ?? '';
  await progress.step('summary', async () => {
    const posted = await findSummaryMessage(channel, botId);
    if (!posted) await postSummary(ctx, channel, incident);
    else if (!posted.pinned) await posted.pin('incident summary');
  });
  const name = 'name' in channel && typeof channel.name === 'string' ? channel.name : channel.id;
  return { channelId: channel.id, channelName: name, ...('url' in channel ? { url: channel.url } : {}) };
}
