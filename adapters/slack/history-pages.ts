import type { webApi } from '@slack/bolt';
import type { IncidentState } from '../../src/core/public-api.ts';
import type { HistoryMessage, HistoryPage } from '../../src/ports/chat-platform.ts';
import { HISTORY_PAGE_SIZE, type HistoryDeps, oldestTs, toHistoryMessage } from './history-reader.ts';
import { isSpoken, type SlackMessageLike } from './slack-message.ts';
import { asSlackPlatformError } from './slack-platform-error.ts';
import { compareTs } from './slack-timestamps.ts';

/**
 * Slack's tier for non-Marketplace distributed apps (since 2025) on conversations.history and
 * .replies: one request a minute, at most 15 messages a page.
 */
export const LIMITED_TIER = { requestsPerMinute: 1, pageSize: 15 } as const;
/** A Retry-After this long on a history read means the app is on the slow tier, whatever the config says. */
const SLOW_RETRY_AFTER_SECONDS = 30;

export interface HistoryPageDeps extends HistoryDeps {
  /** A client that hands a 429 back at once (with its Retry-After) instead of waiting it out. */
  pacedClient: webApi.WebClient;
  /** `slack.history_rate_tier: limited`: slow from the first request. */
  limited: boolean;
  /** Turns the waits Slack asks for into the waits taken (tests shrink a minute to milliseconds). */
  wait: (ms: number) => number;
}

/**
 * Where a read got to: the channel's pages (newest first, Slack's cursor), then the threads found
 * on them, one reply page at a time. Kept in the log as JSON, opaque to the core.
 */
interface Position {
  phase: 'history' | 'replies';
  cursor?: string;
  threads: string[];
}

/**
 * One request of an adopted channel's history. A 429 is answered with the same position and its
 * Retry-After to wait (a long one marks the tier slow); on the slow tier every page is followed by
 * a minute's wait. A refusal that retrying cannot heal (the bot removed) ends the read with a
 * warning; what was read is in the log already.
 */
export async function readHistoryPage(
  incident: IncidentState,
  position: string | undefined,
  deps: HistoryPageDeps,
): Promise<HistoryPage> {
  const channel = incident.channel?.id;
  if (!channel) return { messages: [], waitMs: 0 };
  const at: Position = position ? (JSON.parse(position) as Position) : { phase: 'history', threads: [] };
  const pace = deps.limited ? LIMITED_TIER.requestsPerMinute : incident.history?.requestsPerMinute;
  const limit = pace === undefined ? (deps.pageSize ?? HISTORY_PAGE_SIZE) : LIMITED_TIER.pageSize;
  try {
    const { messages, next } =
      at.phase === 'history'
        ? await historyPage(channel, oldestTs(incident), limit, at, deps.pacedClient)
        : await repliesPage(channel, limit, at, deps.pacedClient);
    const spoken: HistoryPage['messages'] = [];
    // Oldest first within a page, as live capture would have logged them.
    messages.sort((a, b) => compareTs(a.ts ?? '0', b.ts ?? '0'));
    for (const message of messages) {
      if (isSpoken(message, deps.bot)) spoken.push(await toHistoryMessage(message, channel, deps));
    }
    return {
      messages: spoken,
      ...(next ? { position: JSON.stringify(next) } : {}),
      waitMs: pace === undefined ? 0 : deps.wait(60_000 / pace),
      ...(pace === undefined ? {} : { requestsPerMinute: pace }),
    };
  } catch (error) {
    const failure = asSlackPlatformError(error, `conversations.${at.phase}`, channel);
    if (failure.code === 'ratelimited' || failure.code === 'rate_limited') {
      // A 200 answer saying rate_limited carries no Retry-After: the slow tier's minute, then.
      const retryAfter = failure.status === 429 ? (failure.retryAfterSeconds ?? 60) : 60;
      const slow =
        pace ??
        (failure.status !== 429 || retryAfter >= SLOW_RETRY_AFTER_SECONDS
          ? Math.max(1, Math.floor(60 / retryAfter))
          : undefined);
      return {
        messages: [],
        ...(position ? { position } : { position: JSON.stringify(at) }),
        waitMs: deps.wait(retryAfter * 1000),
        ...(slow === undefined ? {} : { requestsPerMinute: slow }),
      };
    }
    if (failure.transient) throw failure;
    deps.warn(`reading the history of ${channel} stopped`, failure);
    return { messages: [], waitMs: 0 };
  }
}

/**
 * What was said in an incident's channel, oldest first, for the backfill after downtime: its
 * pages and threads read in one go, short Retry-Afters waited out. On the slow tier (a minute
 * between requests) it stops with what it has and a warning rather than hold start-up for
 * minutes; an adopted channel's own read goes on in its job. Any other refusal midway stops it the
 * same way: the core deduplicates by message id, so the next backfill picks up the rest.
 */
export async function* readChannelHistory(
  incident: IncidentState,
  deps: HistoryPageDeps,
): AsyncIterable<HistoryMessage> {
  const gathered: HistoryMessage[] = [];
  let position: string | undefined;
  try {
    do {
      const page = await readHistoryPage(incident, position, deps);
      gathered.push(...page.messages);
      position = page.position;
      if (position && page.requestsPerMinute !== undefined) {
        deps.warn(`backfill of ${incident.channel?.id} stopped early: Slack reads its history slowly`);
        break;
      }
      if (page.waitMs > 0) await new Promise((resolve) => setTimeout(resolve, page.waitMs));
    } while (position);
  } catch (error) {
    deps.warn(`backfill of ${incident.channel?.id} stopped early`, error);
  }
  gathered.sort((a, b) => compareTs(a.messageId, b.messageId));
  yield* gathered;
}

async function historyPage(
  channel: string,
  oldest: string,
  limit: number,
  at: Position,
  client: webApi.WebClient,
): Promise<{ messages: SlackMessageLike[]; next?: Position }> {
  const page = await client.conversations.history({
    channel,
    oldest,
    limit,
    ...(at.cursor ? { cursor: at.cursor } : {}),
  });
  const messages = (page.messages ?? []) as SlackMessageLike[];
  const threads = [
    ...at.threads,
    ...messages.flatMap((message) => ((message.reply_count ?? 0) > 0 && message.ts ? [message.ts] : [])),
  ];
  const cursor = page.has_more ? page.response_metadata?.next_cursor || undefined : undefined;
  if (cursor) return { messages, next: { phase: 'history', cursor, threads } };
  return { messages, ...(threads.length > 0 ? { next: { phase: 'replies', threads } } : {}) };
}

async function repliesPage(
  channel: string,
  limit: number,
  at: Position,
  client: webApi.WebClient,
): Promise<{ messages: SlackMessageLike[]; next?: Position }> {
  const [ts, ...rest] = at.threads;
  if (!ts) return { messages: [] };
  const page = await client.conversations.replies({
    channel,
    ts,
    limit,
    ...(at.cursor ? { cursor: at.cursor } : {}),
  });
  // Every page starts with the parent again; it was read from the channel's history already.
  const messages = ((page.messages ?? []) as SlackMessageLike[]).filter((message) => message.ts !== ts);
  const cursor = page.has_more ? page.response_metadata?.next_cursor || undefined : undefined;
  if (cursor) return { messages, next: { phase: 'replies', cursor, threads: at.threads } };
  return { messages, ...(rest.length > 0 ? { next: { phase: 'replies', threads: rest } } : {}) };
}
