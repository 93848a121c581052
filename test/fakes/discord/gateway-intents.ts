/** Which gateway intents gate which dispatch events, and MESSAGE_CONTENT stripping. */

export const Intent = {
  Guilds: 1 << 0,
  GuildMembers: 1 << 1,
  GuildPresences: 1 << 8,
  GuildMessages: 1 << 9,
  GuildMessageReactions: 1 << 10,
  GuildMessageTyping: 1 << 11,
  DirectMessages: 1 << 12,
  DirectMessageReactions: 1 << 13,
  DirectMessageTyping: 1 << 14,
  MessageContent: 1 << 15,
} as const;

export const PRIVILEGED_INTENTS = Intent.GuildMembers | Intent.GuildPresences | Intent.MessageContent;

const GUILDS_EVENTS =
  /^(GUILD_(CREATE|UPDATE|DELETE|ROLE_\w+)|CHANNEL_(CREATE|UPDATE|DELETE)|THREAD_(CREATE|UPDATE|DELETE|LIST_SYNC|MEMBER_UPDATE))$/;

/** The intent an event needs (guild or DM flavour), or null if it is always sent. */
export function requiredIntent(t: string, d: Record<string, unknown>): number | null {
  const inGuild = typeof d.guild_id === 'string' || t.startsWith('GUILD_');
  if (GUILDS_EVENTS.test(t)) return Intent.Guilds;
  if (t === 'CHANNEL_PINS_UPDATE') return inGuild ? Intent.Guilds : Intent.DirectMessages;
  if (/^GUILD_MEMBER_(ADD|UPDATE|REMOVE)$/.test(t) || t === 'THREAD_MEMBERS_UPDATE')
    return Intent.GuildMembers;
  if (/^MESSAGE_(CREATE|UPDATE|DELETE|DELETE_BULK)$/.test(t))
    return inGuild ? Intent.GuildMessages : Intent.DirectMessages;
  if (t.startsWith('MESSAGE_REACTION_'))
    return inGuild ? Intent.GuildMessageReactions : Intent.DirectMessageReactions;
  if (t === 'TYPING_START') return inGuild ? Intent.GuildMessageTyping : Intent.DirectMessageTyping;
  if (t === 'PRESENCE_UPDATE') return Intent.GuildPresences;
  return null;
}

/**
 * Without the MESSAGE_CONTENT intent Discord blanks content, embeds, attachments, components and poll,
 * except for the bot's own messages, DMs, and messages that mention the bot.
 */
export function applyMessageContentIntent(
  t: string,
  d: Record<string, unknown>,
  intents: number,
  botUserId: string,
): Record<string, unknown> {
  if ((t !== 'MESSAGE_CREATE' && t !== 'MESSAGE_UPDATE') || intents & Intent.MessageContent) return d;
  const author = d.author as { id?: string } | undefined;
  const mentions = Array.isArray(d.mentions) ? (d.mentions as { id?: string }[]) : [];
  if (author?.id === botUserId || typeof d.guild_id !== 'string' || mentions.some((m) => m.id === botUserId))
    return d;
  const { poll: _poll, ...rest } = d;
  return { ...rest, content: '', embeds: [], attachments: [], components: [] };
}
