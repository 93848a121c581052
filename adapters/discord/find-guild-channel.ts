import {
  type CategoryChannel,
  ChannelType,
  type Guild,
  type GuildBasedChannel,
  type TextChannel,
} from 'discord.js';

/**
 * A channel the config names: by id, or by name (case-insensitive, with or without `#`). Read
 * over REST, so a process that never saw the guild on its gateway finds it too.
 */
async function findByReference(
  guild: Guild,
  reference: string,
  type: ChannelType,
): Promise<GuildBasedChannel | undefined> {
  const channels = await guild.channels.fetch();
  const wanted = reference.trim().replace(/^#/, '').toLowerCase();
  for (const channel of channels.values()) {
    if (
      channel &&
      channel.type === type &&
      (channel.id === wanted || channel.name.toLowerCase() === wanted)
    ) {
      return channel;
    }
  }
  return undefined;
}

export async function findCategory(guild: Guild, reference: string): Promise<CategoryChannel | undefined> {
  const channel = await findByReference(guild, reference, ChannelType.GuildCategory);
  return channel?.type === ChannelType.GuildCategory ? channel : undefined;
}

export async function findTextChannel(guild: Guild, reference: string): Promise<TextChannel | undefined> {
  const channel = await findByReference(guild, reference, ChannelType.GuildText);
  return channel?.type === ChannelType.GuildText ? channel : undefined;
}
