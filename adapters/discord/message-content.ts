import type { Message, PartialMessage } from 'discord.js';
import type { FileMeta } from '../../src/core/public-api.ts';

/** People's messages: not the bot's own, and not Discord's system notices (pins, joins, thread starts). */
export function isCapturable(message: Message | PartialMessage, botId: string): boolean {
  if (message.author === null || message.author.id === botId) return false;
  return message.system !== true;
}

/**
 * What a message says. Alerts posted by other bots often carry everything in embeds, so their
 * titles and descriptions stand in when there is no text.
 */
export function messageText(message: Message | PartialMessage): string {
  const content = message.content ?? '';
  if (content.trim()) return content;
  return message.embeds
    .map((embed) => [embed.title, embed.description].filter(Boolean).join(': '))
    .filter(Boolean)
    .join('\n');
}

export function messageFiles(message: Message | PartialMessage): FileMeta[] | undefined {
  if (message.attachments.size === 0) return undefined;
  return [...message.attachments.values()].map((attachment) => ({
    id: attachment.id,
    name: attachment.name,
    size: attachment.size,
    url: attachment.url,
    ...(attachment.contentType ? { mimetype: attachment.contentType } : {}),
  }));
}
