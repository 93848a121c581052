import {
  ChannelType,
  type ChatInputCommandInteraction,
  type Guild,
  type PermissionsBitField,
} from 'discord.js';
import type { CommandDefinition } from '../../src/core/public-api.ts';
import { where } from './bot-permissions.ts';
import type { DiscordContext } from './discord-context.ts';
import { explainMissing, type PermissionName } from './missing-permission.ts';

/** Commands whose answer only the person who typed them sees: they need no channel permissions. */
const EPHEMERAL_ONLY = new Set(['help', 'list', 'timeline', 'stats']);

export interface PreconditionResult {
  /** Why the command is not run at all. */
  refuse?: string;
  /** It runs, but the person should know what will not work. */
  warnings: string[];
}

/**
 * Checks the bot's permissions before a command is recorded, so a person hears which permission
 * is missing instead of a half-done incident. The channel's permissions come with the
 * interaction (`app_permissions`); the category's or thread parent's come from the guild cache.
 */
export async function checkPreconditions(
  ctx: DiscordContext,
  interaction: ChatInputCommandInteraction,
  command: CommandDefinition | undefined,
): Promise<PreconditionResult> {
  if (!command || !interaction.inCachedGuild()) return { warnings: [] };
  const here = interaction.appPermissions;
  const needed: PermissionName[] = [];
  if (command.name === 'start' || (command.scope === 'incident' && !EPHEMERAL_ONLY.has(command.name))) {
    needed.push('ViewChannel', interaction.channel?.isThread() ? 'SendMessagesInThreads' : 'SendMessages');
  }
  if (command.name === 'postmortem') needed.push('AttachFiles', 'ReadMessageHistory');
  const missing = here.missing(needed) as PermissionName[];
  if (missing.length > 0) return { refuse: refusal(missing, where(interaction.channelId)), warnings: [] };
  if (command.name === 'start') return checkDeclare(ctx, interaction.guild, interaction.channelId);
  return { warnings: [] };
}

async function checkDeclare(
  ctx: DiscordContext,
  guild: Guild,
  channelId: string,
): Promise<PreconditionResult> {
  const me = guild.members.me ?? (await guild.members.fetchMe());
  const thread = ctx.config.incident_space === 'thread';
  const name = (thread ? (ctx.config.thread_parent ?? channelId) : ctx.config.category).replace(/^#/, '');
  const place = guild.channels.cache.find(
    (channel) =>
      (channel.id === name || channel.name.toLowerCase() === name.toLowerCase()) &&
      (thread ? channel.type === ChannelType.GuildText : channel.type === ChannelType.GuildCategory),
  );
  if (thread && !place) {
    const why = ctx.config.thread_parent
      ? `discord.thread_parent ("${ctx.config.thread_parent}") is not a text channel of this server.`
      : 'Incident threads are opened in the channel /incident start is typed in, and this is not a text channel.';
    return { refuse: `I can't open an incident thread, and nothing was recorded: ${why}`, warnings: [] };
  }
  const permissions: Readonly<PermissionsBitField> = place ? me.permissionsIn(place) : me.permissions;
  const placeText = place ? where(place.id) : 'this server';
  const required: PermissionName[] = thread
    ? ['CreatePublicThreads', 'SendMessagesInThreads']
    : ['ManageChannels'];
  const missing = permissions.missing(required) as PermissionName[];
  if (missing.length > 0) return { refuse: refusal(missing, placeText), warnings: [] };
  const warnings: string[] = [];
  if (!permissions.has('ManageMessages')) {
    warnings.push(
      `${explainMissing(['ManageMessages'], placeText)} Until then I can't pin the incident's summary.`,
    );
  }
  return { warnings };
}

function refusal(missing: readonly PermissionName[], place: string): string {
  return `I can't do that here, and nothing was recorded. ${explainMissing(missing, place)}`;
}
