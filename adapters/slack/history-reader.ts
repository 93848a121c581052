import type { IncidentState } from '../../src/core/public-api.ts';
import type { HistoryMessage } from '../../src/ports/chat-platform.ts';
import {
  authorId,
  type BotIdentity,
  botName,
  filesOf,
  messageText,
  type SlackMessageLike,
  threadOf,
} from './slack-message.ts';
import { epochSeconds, messagePermalink, tsToDate } from './slack-timestamps.ts';
import type { UserDirectory } from './user-directory.ts';

/**
 * Small pages, one request at a time: conversations.history and .replies are Tier 3 for most apps
 * and limited to one request a minute (15 messages a page) for some (see history-pages.ts).
 */
export const HISTORY_PAGE_SIZE = 50;
/** Slack's clock and ours may disagree a little; a message from just before the declaration still belongs. */
const SKEW_SECONDS = 60;

export interface HistoryDeps {
  users: UserDirectory;
  bot: BotIdentity;
  warn: (message: string, error?: unknown) => void;
  pageSize?: number;
}

/** Where a read of the channel starts: from the time `adopt` named, or the declaration. */
export function oldestTs(incident: IncidentState): string {
  return String(epochSeconds(incident.adoptedSince ?? incident.declaredAt) - SKEW_SECONDS);
}

/** A message someone said (see isSpoken) as the core captures it, its author's name looked up. */
export async function toHistoryMessage(
  message: SlackMessageLike,
  channel: string,
  deps: Pick<HistoryDeps, 'users' | 'bot'>,
): Promise<HistoryMessage> {
  const ts = message.ts as string;
  const id = authorId(message);
  const thread = threadOf(message);
  const files = filesOf(message);
  const permalink = messagePermalink(deps.bot.teamUrl, channel, ts, thread);
  return {
    messageId: ts,
    actor: { id, name: botName(message) ?? (await deps.users.name(id)) },
    text: messageText(message),
    occurredAt: tsToDate(ts),
    ...(thread ? { threadId: thread } : {}),
    ...(files ? { files } : {}),
    ...(permalink ? { permalink } : {}),
  };
}
