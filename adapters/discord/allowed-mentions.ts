import type { MessageMentionOptions } from 'discord.js';

/**
 * Set on every message the bot sends: text people typed (titles, notes, summaries) must never
 * ping @everyone, @here, a role or a user just because it contains the syntax for one.
 */
export const NO_MENTIONS: MessageMentionOptions = { parse: [], repliedUser: false };

/** Pings exactly these users (a page), and still nobody else. */
export function mentionOnly(userIds: readonly string[]): MessageMentionOptions {
  return { parse: [], users: [...new Set(userIds)], repliedUser: false };
}
