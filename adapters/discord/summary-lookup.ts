import type { Message, TextBasedChannel } from 'discord.js';
import { isSummaryComponentId } from './custom-ids.ts';

type MessageChannel = Extract<TextBasedChannel, { messages: unknown }>;

/** How many of a channel's first messages are searched when the summary is not pinned. */
const EARLY_MESSAGES = 25;

/**
 * Finds the incident's summary message again, in any process: it is the bot's pinned message
 * carrying the summary controls, or (when pinning was not allowed) one of the channel's first
 * messages. Nothing about it is kept in memory.
 */
export async function findSummaryMessage(
  channel: MessageChannel,
  botId: string,
): Promise<Message | undefined> {
  const pins = await channel.messages.fetchPins({ limit: 50, cache: false }).catch(() => undefined);
  const pinned = pins?.items.map((pin) => pin.message).find((message) => isSummary(message, botId));
  if (pinned) return pinned;
  const early = await channel.messages.fetch({ after: channel.id, limit: EARLY_MESSAGES, cache: false });
  return [...early.values()]
    .sort((a, b) => compareIds(a.id, b.id))
    .find((message) => isSummary(message, botId));
}

export function isSummary(message: Message, botId: string): boolean {
  return message.author.id === botId && componentIds(message).some(isSummaryComponentId);
}

export function componentIds(message: Message): string[] {
  const ids: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const child of node) walk(child);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    if (typeof record.custom_id === 'string') ids.push(record.custom_id);
    walk(record.components);
  };
  walk(message.components.map((component) => component.toJSON()));
  return ids;
}

/** Snowflakes order by time; compared as numbers, not strings of different lengths. */
export function compareIds(a: string, b: string): number {
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
}
