import type { Channel, GuildBasedChannel } from 'discord.js';
import type { PermissionName } from './missing-permission.ts';

/**
 * Which of `required` the bot lacks in `channel`, from this process's cache; undefined when the
 * cache cannot say (the guild or the bot's member is not cached here).
 */
export function missingInChannel(
  channel: Channel | GuildBasedChannel | null | undefined,
  required: readonly PermissionName[],
): PermissionName[] | undefined {
  if (!channel || !('guild' in channel) || !channel.guild) return undefined;
  const me = channel.guild.members.me;
  if (!me) return undefined;
  const permissions = 'permissionsFor' in channel ? channel.permissionsFor(me) : null;
  if (!permissions) return undefined;
  return permissions.missing([...required]) as PermissionName[];
}

/** The permission posting needs: threads have their own. */
export function sendPermission(channel: Channel): PermissionName {
  return channel.isThread() ? 'SendMessagesInThreads' : 'SendMessages';
}

export function where(channelId: string): string {
  return `<#${channelId}>`;
}
