import type { IncidentState } from '../../src/core/public-api.ts';
import type { HistoryMessage } from '../../src/ports/chat-platform.ts';
import { actorOf } from './discord-actor.ts';
import type { DiscordContext } from './discord-context.ts';
import { messageChannel } from './incident-channel.ts';
import { isCapturable, messageFiles, messageText } from './message-content.ts';
import { compareIds } from './summary-lookup.ts';

const PAGE = 100;

/**
 * The incident channel's messages, oldest first, a page of 100 at a time, for backfill. With
 * shards, each process reads only the guilds its shards hold; the others do theirs.
 */
export async function* fetchHistory(
  ctx: DiscordContext,
  incident: IncidentState,
): AsyncIterable<HistoryMessage> {
  if (!incident.channel) return;
  if (ctx.client.shard && !ctx.client.guilds.cache.has(incident.ref.workspace)) return;
  const channel = await messageChannel(ctx.client, incident.channel.id);
  const botId = ctx.client.user?.id ?? '';
  let after = '0';
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
        ...(files ? { files } : {}),
      };
    }
    const last = messages.at(-1);
    if (page.size < PAGE || !last) return;
    after = last.id;
  }
}
