import type { webApi } from '@slack/bolt';
import type { IncidentState } from '../../src/core/public-api.ts';
import type { HistoryMessage } from '../../src/ports/chat-platform.ts';
import {
  authorId,
  type BotIdentity,
  botName,
  filesOf,
  isSpoken,
  messageText,
  type SlackMessageLike,
  threadOf,
} from './slack-message.ts';
import { callSlack } from './slack-platform-error.ts';
import { compareTs, epochSeconds, messagePermalink, tsToDate } from './slack-timestamps.ts';
import type { UserDirectory } from './user-directory.ts';

/**
 * Small pages, one request at a time: conversations.history and .replies are Tier 3 for most apps
 * and limited to about one request a minute (15 messages a page) for some. A 429 is waited out
 * by the Web API client's retry policy (its Retry-After), not here.
 */
export const HISTORY_PAGE_SIZE = 50;
/** Slack's clock and ours may disagree a little; a message from just before the declaration still belongs. */
const SKEW_SECONDS = 60;

export interface HistoryDeps {
  client: webApi.WebClient;
  users: UserDirectory;
  bot: BotIdentity;
  warn: (message: string, error?: unknown) => void;
  pageSize?: number;
}

/**
 * What was said in an incident's channel, oldest first: top-level messages from
 * conversations.history and thread replies from conversations.replies, without tocsin's own
 * posts or join notices. A refusal midway ends the read with what was gathered (and a warning):
 * the core deduplicates by message id, so the next backfill picks up the rest.
 */
export async function* readChannelHistory(
  incident: IncidentState,
  deps: HistoryDeps,
): AsyncIterable<HistoryMessage> {
  const channel = incident.channel?.id;
  if (!channel) return;
  // An adopted channel is read back from the time `adopt` named; a new one from its declaration.
  const from = incident.adoptedSince ?? incident.declaredAt;
  const messages = await collect(channel, String(epochSeconds(from) - SKEW_SECONDS), deps);
  messages.sort((a, b) => compareTs(a.ts ?? '0', b.ts ?? '0'));
  for (const message of messages) {
    if (!isSpoken(message, deps.bot)) continue;
    const ts = message.ts as string;
    const id = authorId(message);
    const thread = threadOf(message);
    const files = filesOf(message);
    const permalink = messagePermalink(deps.bot.teamUrl, channel, ts, thread);
    yield {
      messageId: ts,
      actor: { id, name: botName(message) ?? (await deps.users.name(id)) },
      text: messageText(message),
      occurredAt: tsToDate(ts),
      ...(thread ? { threadId: thread } : {}),
      ...(files ? { files } : {}),
      ...(permalink ? { permalink } : {}),
    };
  }
}

async function collect(channel: string, oldest: string, deps: HistoryDeps): Promise<SlackMessageLike[]> {
  const limit = deps.pageSize ?? HISTORY_PAGE_SIZE;
  const gathered: SlackMessageLike[] = [];
  try {
    let cursor: string | undefined;
    do {
      const page = await callSlack(
        'conversations.history',
        () => deps.client.conversations.history({ channel, oldest, limit, ...(cursor ? { cursor } : {}) }),
        channel,
      );
      gathered.push(...((page.messages ?? []) as SlackMessageLike[]));
      cursor = page.has_more ? page.response_metadata?.next_cursor || undefined : undefined;
    } while (cursor);
    const parents = gathered.filter((message) => (message.reply_count ?? 0) > 0 && message.ts);
    for (const parent of parents)
      gathered.push(...(await replies(channel, parent.ts as string, limit, deps)));
  } catch (error) {
    deps.warn(`backfill of ${channel} stopped early`, error);
  }
  return gathered;
}

async function replies(
  channel: string,
  ts: string,
  limit: number,
  deps: HistoryDeps,
): Promise<SlackMessageLike[]> {
  const out: SlackMessageLike[] = [];
  let cursor: string | undefined;
  do {
    const page = await callSlack(
      'conversations.replies',
      () => deps.client.conversations.replies({ channel, ts, limit, ...(cursor ? { cursor } : {}) }),
      channel,
    );
    // Every page starts with the parent again; it was read from the channel's history already.
    out.push(...((page.messages ?? []) as SlackMessageLike[]).filter((message) => message.ts !== ts));
    cursor = page.has_more ? page.response_metadata?.next_cursor || undefined : undefined;
  } while (cursor);
  return out;
}
