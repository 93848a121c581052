import type { Channel, Client, SendableChannels, TextBasedChannel } from 'discord.js';
import { SystemError } from '../../src/core/public-api.ts';
import type { IncidentStore } from '../../src/ports/incident-store.ts';
import { DISCORD_PLATFORM } from './discord-context.ts';

export interface IncidentChannel {
  /** The channel the core files it under: the incident's own channel or thread. */
  channel: string;
  /** Set when it was said in a thread inside the incident's channel. */
  threadId?: string;
}

/**
 * Where something said or typed belongs. A thread is its own incident space in thread mode; a
 * thread someone opened inside an incident channel belongs to that channel's incident.
 */
export async function incidentChannelOf(
  store: IncidentStore,
  guildId: string,
  channel: Channel | null,
  channelId: string,
): Promise<IncidentChannel> {
  if (!channel?.isThread() || !channel.parentId) return { channel: channelId };
  const workspace = { platform: DISCORD_PLATFORM, workspace: guildId };
  if (await store.findByChannel(workspace, channelId)) return { channel: channelId };
  if (await store.findByChannel(workspace, channel.parentId))
    return { channel: channel.parentId, threadId: channelId };
  return { channel: channelId };
}

export type MessageChannel = Extract<TextBasedChannel, { messages: unknown }> & SendableChannels;

/** A channel to post in and read from, fetched over REST when this process has not cached it. */
export async function messageChannel(client: Client, channelId: string): Promise<MessageChannel> {
  const channel = await client.channels.fetch(channelId);
  if (!channel?.isSendable() || !channel.isTextBased() || !('messages' in channel)) {
    throw new SystemError('discord_not_a_text_channel', `Discord channel ${channelId} cannot hold messages`);
  }
  return channel as MessageChannel;
}
