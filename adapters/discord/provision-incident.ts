import type { GuildTextBasedChannel } from 'discord.js';
import type { IncidentState } from '../../src/core/public-api.ts';
import { incidentLabel, PermanentError, SystemError } from '../../src/core/public-api.ts';
import type { IncidentSpace } from '../../src/ports/chat-platform.ts';
import type { ProvisioningProgress } from '../../src/ports/provisioning-journal.ts';
import { announceIncident } from './announce-incident.ts';
import type { DiscordContext } from './discord-context.ts';
import { DISCORD_LIMITS } from './discord-limits.ts';
import { messageChannel } from './incident-channel.ts';
import { MissingPermissionError } from './missing-permission.ts';
import { postParts } from './post-parts.ts';
import { findIncidentSpace, openIncidentSpace } from './provision-space.ts';
import { truncate } from './split-text.ts';
import { findSummaryMessage } from './summary-lookup.ts';
import { postSummary } from './summary-publisher.ts';

/**
 * Opens the incident's channel (or thread), posts and pins the summary, and announces it. A
 * missing permission will not heal by retrying: the declaring channel is told which one, and the
 * job fails for good instead of retrying for minutes.
 */
export async function provisionDiscordIncident(
  ctx: DiscordContext,
  incident: IncidentState,
  progress: ProvisioningProgress,
): Promise<IncidentSpace> {
  try {
    const guild = await ctx.client.guilds.fetch(incident.ref.workspace);
    const asSpace = (made: GuildTextBasedChannel): IncidentSpace => ({
      channelId: made.id,
      channelName: made.name,
      url: made.url,
    });
    // Each call is journalled: a retry after a crash finds the channel (or thread) by its name,
    // and the summary among the channel's pins, instead of making them again.
    const space = await progress.space(
      async () => {
        const found = await findIncidentSpace(ctx, guild, incident);
        return found && asSpace(found);
      },
      async () => asSpace(await openIncidentSpace(ctx, incident)),
    );
    const channel = await messageChannel(ctx.client, space.channelId);
    const botId = ctx.client.user?.id ?? '';
    await progress.step('summary', async () => {
      const posted = await findSummaryMessage(channel, botId);
      if (!posted) await postSummary(ctx, channel, incident);
      // Posted by an attempt that stopped before pinning it: pinned now rather than posted again.
      else if (!posted.pinned) await posted.pin('incident summary');
    });
    await progress.step('announce', () => announceIncident(ctx, guild, incident, space.channelId));
    return space;
  } catch (error) {
    if (!isPermanent(error)) throw error;
    await tellDeclarer(ctx, incident, error);
    throw new PermanentError(error.message);
  }
}

/** Failures a retry cannot heal: a permission someone must grant, a configured channel that is not there. */
function isPermanent(error: unknown): error is SystemError {
  return (
    error instanceof MissingPermissionError ||
    (error instanceof SystemError && error.code === 'discord_thread_parent_missing')
  );
}

async function tellDeclarer(ctx: DiscordContext, incident: IncidentState, error: SystemError): Promise<void> {
  const text = `I could not open a channel for ${incidentLabel(incident.number)}. ${error.message}`;
  try {
    const origin = await messageChannel(ctx.client, incident.originChannel);
    await postParts(origin, [{ content: truncate(text, DISCORD_LIMITS.content), files: [] }]);
  } catch (cause) {
    ctx.logger.error({ err: cause, incident: incident.number }, 'could not report a failed provisioning');
  }
}
