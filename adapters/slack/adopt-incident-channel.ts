import type { IncidentState } from '../../src/core/public-api.ts';
import type { IncidentSpace } from '../../src/ports/chat-platform.ts';
import type { ProvisioningProgress } from '../../src/ports/provisioning-journal.ts';
import type { ProvisionDeps } from './provision-deps.ts';
import { callSlack } from './slack-platform-error.ts';
import { channelUrl } from './slack-timestamps.ts';

/**
 * `/incident adopt`: the channel it was typed in becomes the incident's. tocsin joins it when it
 * is not a member yet (a public channel; a private one must invite it, which the slash command
 * cannot do), then posts and pins the summary there. No channel is created, nobody is invited.
 */
export async function adoptIncidentChannel(
  incident: IncidentState,
  deps: ProvisionDeps,
  progress: ProvisioningProgress,
): Promise<IncidentSpace> {
  const channel = incident.originChannel;
  const info = await callSlack(
    'conversations.info',
    () => deps.client.conversations.info({ channel }),
    channel,
  );
  const name = info.channel?.name ?? channel;
  if (!info.channel?.is_member && !info.channel?.is_private) {
    await callSlack('conversations.join', () => deps.client.conversations.join({ channel }), channel);
  }
  await progress.step('summary', () => deps.summary.ensurePinned(incident, channel));
  const url = channelUrl(deps.bot.teamUrl, channel);
  return { channelId: channel, channelName: name, ...(url ? { url } : {}) };
}
