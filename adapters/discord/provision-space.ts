import {
  ChannelType,
  type Guild,
  type GuildMember,
  type GuildTextBasedChannel,
  type OverwriteData,
  OverwriteType,
  PermissionFlagsBits,
  ThreadAutoArchiveDuration,
} from 'discord.js';
import type { IncidentState } from '../../src/core/public-api.ts';
import { incidentLabel, SystemError, slugify } from '../../src/core/public-api.ts';
import { missingInChannel, where } from './bot-permissions.ts';
import { privateOverwrites } from './channel-access.ts';
import type { DiscordContext } from './discord-context.ts';
import { DISCORD_LIMITS } from './discord-limits.ts';
import { findCategory, findTextChannel } from './find-guild-channel.ts';
import { needing } from './missing-permission.ts';
import { toOverwrites } from './permission-overwrites.ts';
import { truncate } from './split-text.ts';

/** What the bot grants itself on a channel whose overwrites (from config) might lock it out. */
const BOT_SELF_ALLOW = [
  PermissionFlagsBits.ViewChannel,
  PermissionFlagsBits.SendMessages,
  PermissionFlagsBits.ReadMessageHistory,
  PermissionFlagsBits.EmbedLinks,
  PermissionFlagsBits.AttachFiles,
  PermissionFlagsBits.ManageMessages,
];

/** `inc-12-checkout-errors`, from the redacted title so a pasted secret never names a channel. */
export function spaceName(ctx: DiscordContext, incident: IncidentState): string {
  return truncate(
    `inc-${incident.number}-${slugify(ctx.redactor.redact(incident.title), 70)}`,
    DISCORD_LIMITS.channelName,
  );
}

/**
 * The incident's own place: a text channel under the configured category (created if missing),
 * or a public thread in `thread_parent`. A retried job finds the channel it already made.
 */
export async function openIncidentSpace(
  ctx: DiscordContext,
  incident: IncidentState,
): Promise<GuildTextBasedChannel> {
  const guild = await ctx.client.guilds.fetch(incident.ref.workspace);
  return ctx.config.incident_space === 'thread'
    ? openThread(ctx, guild, incident)
    : openChannel(ctx, guild, incident);
}

/**
 * The channel (or thread) an earlier attempt created and did not live to record: named for the
 * incident, under the incidents category (with the incident's label opening its topic), or a
 * thread of the parent that tocsin started.
 */
export async function findIncidentSpace(
  ctx: DiscordContext,
  guild: Guild,
  incident: IncidentState,
): Promise<GuildTextBasedChannel | undefined> {
  const name = spaceName(ctx, incident);
  if (ctx.config.incident_space === 'thread') {
    const parent = await findTextChannel(guild, ctx.config.thread_parent ?? incident.originChannel);
    const active = await parent?.threads.fetchActive();
    const threadName = truncate(name, DISCORD_LIMITS.threadName);
    return active?.threads.find(
      (thread) => thread.name === threadName && thread.ownerId === ctx.client.user?.id,
    );
  }
  const marker = `${incidentLabel(incident.number)} `;
  const channels = await guild.channels.fetch();
  for (const channel of channels.values()) {
    if (
      channel?.type === ChannelType.GuildText &&
      channel.name === name &&
      (channel.topic ?? '').startsWith(marker)
    ) {
      return channel;
    }
  }
  return undefined;
}

async function openChannel(
  ctx: DiscordContext,
  guild: Guild,
  incident: IncidentState,
): Promise<GuildTextBasedChannel> {
  const name = spaceName(ctx, incident);
  const category =
    (await findCategory(guild, ctx.config.category)) ??
    (await needing(['ManageChannels'], 'this server', () =>
      guild.channels.create({
        name: ctx.config.category,
        type: ChannelType.GuildCategory,
        reason: 'tocsin incidents',
      }),
    ));
  const existing = category.children.cache.find((channel) => channel.name === name && channel.isTextBased());
  if (existing?.isTextBased()) return existing;
  const overwrites = toOverwrites(ctx.config.permission_overwrites, guild.id);
  if (incident.private) overwrites.push(...privateOverwrites(guild, incident, ctx.config.responders));
  if (overwrites.length > 0) overwrites.push(await selfOverwrite(guild));
  const topic = `${incidentLabel(incident.number)} ${incident.severity}: ${ctx.redactor.redact(incident.title)}`;
  return needing(
    ['ManageChannels'],
    where(category.id),
    () =>
      guild.channels.create({
        name,
        type: ChannelType.GuildText,
        parent: category.id,
        topic: truncate(topic, 1024),
        ...(overwrites.length > 0 ? { permissionOverwrites: overwrites } : {}),
        reason: `${incidentLabel(incident.number)} declared`,
      }),
    (required) => missingInChannel(category, required),
  );
}

async function openThread(
  ctx: DiscordContext,
  guild: Guild,
  incident: IncidentState,
): Promise<GuildTextBasedChannel> {
  const reference = ctx.config.thread_parent ?? incident.originChannel;
  const parent = await findTextChannel(guild, reference);
  if (!parent) {
    throw new SystemError(
      'discord_thread_parent_missing',
      `discord.thread_parent "${reference}" is not a text channel of this server`,
    );
  }
  const thread = await needing(
    [incident.private ? 'CreatePrivateThreads' : 'CreatePublicThreads'],
    where(parent.id),
    () =>
      parent.threads.create({
        name: truncate(spaceName(ctx, incident), DISCORD_LIMITS.threadName),
        // A private thread shows only to the people added to it (the declarer, below).
        type: incident.private ? ChannelType.PrivateThread : ChannelType.PublicThread,
        autoArchiveDuration: ThreadAutoArchiveDuration.OneWeek,
        reason: `${incidentLabel(incident.number)} declared`,
      }),
    (required) => missingInChannel(parent, required),
  );
  // The person who declared it should see the thread in their list without hunting for it.
  if (/^\d+$/.test(incident.declaredBy.id)) {
    await thread.members.add(incident.declaredBy.id).catch((error: unknown) => {
      ctx.logger.warn({ err: error, thread: thread.id }, 'could not add the declarer to the thread');
    });
  }
  return thread;
}

/** Keeps the bot in a channel the configured overwrites close, granting only what it holds. */
async function selfOverwrite(guild: Guild): Promise<OverwriteData> {
  const me: GuildMember = guild.members.me ?? (await guild.members.fetchMe());
  const allow = BOT_SELF_ALLOW.filter((bit) => me.permissions.has(bit));
  return { id: me.id, type: OverwriteType.Member, allow };
}
