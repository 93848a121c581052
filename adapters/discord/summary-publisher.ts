import type { Message } from 'discord.js';
import type { IncidentState } from '../../src/core/public-api.ts';
import { explainMissingPin } from './announce-incident.ts';
import { missingInChannel, sendPermission, where } from './bot-permissions.ts';
import type { DiscordContext } from './discord-context.ts';
import { type MessageChannel, messageChannel } from './incident-channel.ts';
import { MissingPermissionError, needing } from './missing-permission.ts';
import { findSummaryMessage } from './summary-lookup.ts';
import { buildSummaryMessage } from './summary-message.ts';

/** A summary edit that races a newer change re-reads the log this many times before giving up. */
const MAX_CATCH_UP = 3;

/** Posts the summary and pins it. Without Manage Messages it stays unpinned and the channel is told why. */
export async function postSummary(
  ctx: DiscordContext,
  channel: MessageChannel,
  state: IncidentState,
): Promise<Message> {
  const message = await needing<Message>(
    ['ViewChannel', sendPermission(channel), 'EmbedLinks'],
    where(channel.id),
    () => channel.send(buildSummaryMessage(state, ctx.redactor)),
    (required) => missingInChannel(channel, required),
  );
  try {
    await needing(['ManageMessages'], where(channel.id), () => message.pin('incident summary'));
  } catch (error) {
    if (!(error instanceof MissingPermissionError)) throw error;
    ctx.logger.warn({ channel: channel.id }, 'cannot pin the incident summary: missing Manage Messages');
    await channel.send(explainMissingPin(channel.id)).catch(() => undefined);
  }
  return message;
}

/**
 * Edits the summary in place so it shows the incident as the log says it is now. The message is
 * found again each time (pins, then the channel's first messages), and if the log moved on while
 * editing, the newer state is written too, so a slow job never leaves an older picture behind.
 */
export async function refreshSummary(ctx: DiscordContext, incident: IncidentState): Promise<void> {
  if (!incident.channel) return;
  const channel = await messageChannel(ctx.client, incident.channel.id);
  const botId = ctx.client.user?.id ?? '';
  let message = await findSummaryMessage(channel, botId);
  let state = incident;
  for (let round = 0; round < MAX_CATCH_UP; round++) {
    if (message) {
      await message.edit(buildSummaryMessage(state, ctx.redactor));
    } else if (missingInChannel(channel, ['ReadMessageHistory'])?.length === 0) {
      // Someone deleted it; a new one is posted. Without Read Message History it could never be
      // found again, so posting would only add another copy on every change.
      message = await postSummary(ctx, channel, state);
    } else {
      ctx.logger.warn({ channel: channel.id }, 'incident summary not found; not reposting');
      return;
    }
    const latest = await ctx.app.services.store.state(state.ref);
    if (!latest || latest.revision === state.revision) return;
    state = latest;
  }
}
