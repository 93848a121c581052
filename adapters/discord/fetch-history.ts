import { type AnyThreadChannel, SnowflakeUtil } from 'discord.js';
import type { IncidentState } from '../../src/core/public-api.ts';
import type { HistoryMessage } from '../../src/ports/chat-platform.ts';
import { actorOf } from './discord-actor.ts';
import type { DiscordContext } from './discord-context.ts';
import { type MessageChannel, messageChannel } from './incident-channel.ts';
import { isCapturable, messageFiles, messageText } from './message-content.ts';
import { compareIds } from './summary-lookup.ts';

const PAGE = 100;

/**
 * The incident channel's messages, oldest first, a page of 100 at a time, for backfill; then the
 * messages of its threads (active, and archived public and private), each marked with its thread.
 * With shards, each process reads only the guilds its shards hold; the others do theirs.
 */
export async function* fetchHistory(
  ctx: DiscordContext,
  incident: IncidentState,
): AsyncIterable<HistoryMessage> {
  if (!incident.channel) return;
  if (ctx.client.shard && !ctx.client.guilds.cache.has(incident.ref.workspace)) return;
  const channel = await messageChannel(ctx.client, incident.channel.id);
  const botId = ctx.client.user?.id ?? '';
  // An adopted channel, and its threads, are read back from the time `adopt` named, not from
  // their first message ever.
  const after = incident.adoptedSince
    ? SnowflakeUtil.generate({ timestamp: Date.parse(incident.adoptedSince) }).toString()
    : '0';
  yield* channelMessages(channel, botId, undefined, after);
  for (const thread of await threadsOf(ctx, channel)) yield* channelMessages(thread, botId, thread.id, after);
}

async function* channelMessages(
  channel: MessageChannel,
  botId: string,
  threadId?: string,
  from = '0',
): AsyncIterable<HistoryMessage> {
  let after = from;
  for (;;) {
    const page = await channel.messages.fetch({ after, limit: PAGE, cache: false });
    const messages = [...page.values()].sort((a, b) => compareIds(a.id, b.id));
    for (const message of messages) {
      if (!isCapturable(message, botId)) continue;
      const text = messageText(message);
      const files = messageFiles(message);
      if (!text && !files) continue;
      yield {
        messageId: message.id,
        actor: actorOf(message.author, message.member),
        text,
        occurredAt: message.createdAt,
        permalink: message.url,
        ...(threadId === undefined ? {} : { threadId }),
        ...(files ? { files } : {}),
      };
    }
    const last = messages.at(-1);
    if (page.size < PAGE || !last) return;
    after = last.id;
  }
}

/**
 * The threads of an incident channel, oldest first. Private archived threads need Manage Threads;
 * without it they are skipped (and said in the log), not a failed backfill.
 */
async function threadsOf(ctx: DiscordContext, channel: MessageChannel): Promise<AnyThreadChannel[]> {
  if (channel.isThread() || channel.isDMBased() || !('threads' in channel)) return [];
  const found = new Map<string, AnyThreadChannel>();
  const keep = (threads: ReadonlyMap<string, AnyThreadChannel>) => {
    for (const [id, thread] of threads) found.set(id, thread);
  };
  keep((await channel.threads.fetchActive(false)).threads);
  for (const type of ['public', 'private'] as const) {
    try {
      let before: Date | undefined;
      for (;;) {
        // fetchAll: every private thread of the channel, not only those the bot joined.
        const page = await channel.threads.fetchArchived(
          { type, fetchAll: true, limit: PAGE, ...(before ? { before } : {}) },
          false,
        );
        keep(page.threads);
        const oldest = [...page.threads.values()].at(-1)?.archivedAt ?? undefined;
        if (!page.hasMore || !oldest) break;
        before = oldest;
      }
    } catch (error) {
      ctx.logger.warn(
        { err: error, channel: channel.id, type },
        'could not list archived threads for backfill',
      );
    }
  }
  return [...found.values()].sort((a, b) => compareIds(a.id, b.id));
}
