import type { Guild, MessageCreateOptions } from 'discord.js';
import type { IncidentState } from '../../src/core/public-api.ts';
import { incidentLabel } from '../../src/core/public-api.ts';
import { NO_MENTIONS } from './allowed-mentions.ts';
import { where } from './bot-permissions.ts';
import type { DiscordContext } from './discord-context.ts';
import { DISCORD_LIMITS } from './discord-limits.ts';
import { findTextChannel } from './find-guild-channel.ts';
import { type MessageChannel, messageChannel } from './incident-channel.ts';
import { explainMissing } from './missing-permission.ts';
import { postParts } from './post-parts.ts';
import { truncate } from './split-text.ts';

/**
 * Tells people where the incident lives: in `discord.announce_channel` when one is set, and in
 * the channel it was declared from. Neither is essential, so failures are logged and reported
 * in the incident's own channel instead of failing the provisioning.
 */
export async function announceIncident(
  ctx: DiscordContext,
  guild: Guild,
  incident: IncidentState,
  spaceId: string,
): Promise<void> {
  // A private incident is announced nowhere: neither channel's readers are its members.
  if (incident.private) return;
  const headline = `🚨 **${incidentLabel(incident.number)}** (${incident.severity}) ${ctx.redactor.redact(incident.title)}`;
  const text = truncate(
    `${headline}: declared by ${incident.declaredBy.name}. Join ${where(spaceId)}.`,
    DISCORD_LIMITS.content,
  );
  const targets = new Set<string>();
  if (ctx.config.announce_channel) {
    const announce = await findTextChannel(guild, ctx.config.announce_channel);
    if (announce) targets.add(announce.id);
    else ctx.logger.warn({ announce: ctx.config.announce_channel }, 'discord.announce_channel not found');
  }
  if (incident.originChannel !== spaceId) targets.add(incident.originChannel);
  for (const target of targets) {
    try {
      const channel = await messageChannel(ctx.client, target);
      if (await alreadyAnnounced(ctx, channel, spaceId)) continue;
      await postParts(channel, [{ content: text, files: [] }]);
    } catch (error) {
      ctx.logger.warn({ err: error, channel: target }, 'could not announce the incident');
      const reason = error instanceof Error ? error.message : String(error);
      const space = await messageChannel(ctx.client, spaceId);
      await space
        .send({
          content: truncate(
            `I could not announce this incident in ${where(target)}. ${reason}`,
            DISCORD_LIMITS.content,
          ),
          allowedMentions: NO_MENTIONS,
        })
        .catch(() => undefined);
    }
  }
}

export function explainMissingPin(channelId: string): MessageCreateOptions {
  return {
    content: `I could not pin this incident's summary. ${explainMissing(['ManageMessages'], where(channelId))}`,
    allowedMentions: NO_MENTIONS,
  };
}

/** How far back a retry looks for its own announcement: a crash comes seconds after it, not days. */
const RECENT = 50;

/**
 * An attempt that crashed after announcing (before recording it) left its message behind; the
 * retry finds it among the channel's recent messages by the bot that link the incident's channel.
 * A channel whose history cannot be read is announced in again rather than not at all.
 */
async function alreadyAnnounced(
  ctx: DiscordContext,
  channel: MessageChannel,
  spaceId: string,
): Promise<boolean> {
  const botId = ctx.client.user?.id;
  try {
    const recent = await channel.messages.fetch({ limit: RECENT, cache: false });
    return recent.some((message) => message.author.id === botId && message.content.includes(where(spaceId)));
  } catch {
    return false;
  }
}
