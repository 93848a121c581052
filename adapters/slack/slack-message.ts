import type { FileMeta } from '../../src/core/public-api.ts';
import { decodeSlackText } from './slack-text.ts';

/** The fields of a Slack message (an event, or an item of conversations.history) that tocsin reads. */
export interface SlackMessageLike {
  ts?: string;
  subtype?: string;
  text?: string;
  user?: string;
  bot_id?: string;
  username?: string;
  thread_ts?: string;
  reply_count?: number;
  edited?: { ts?: string; user?: string };
  bot_profile?: { name?: string };
  files?: SlackFileLike[];
}

export interface SlackFileLike {
  id?: string;
  name?: string;
  title?: string;
  mimetype?: string;
  size?: number;
  permalink?: string;
  url_private?: string;
}

/** Who tocsin is in this workspace, so it never captures its own posts. */
export interface BotIdentity {
  userId: string | undefined;
  botId: string | undefined;
  teamUrl: string | undefined;
}

/** What people say: plain messages, broadcasts from threads, shared files, other bots' posts. */
const SPOKEN_SUBTYPES = new Set(['thread_broadcast', 'file_share', 'bot_message', 'me_message']);

export function isOwnMessage(message: SlackMessageLike, bot: BotIdentity): boolean {
  return (
    (bot.userId !== undefined && message.user === bot.userId) ||
    (bot.botId !== undefined && message.bot_id === bot.botId)
  );
}

/** A message someone said (not a join notice, a topic change, or tocsin itself). */
export function isSpoken(message: SlackMessageLike, bot: BotIdentity): boolean {
  if (!message.ts || isOwnMessage(message, bot)) return false;
  return message.subtype === undefined || SPOKEN_SUBTYPES.has(message.subtype);
}

/** The thread a reply belongs to; undefined for top-level messages and thread parents. */
export function threadOf(message: SlackMessageLike): string | undefined {
  return message.thread_ts && message.thread_ts !== message.ts ? message.thread_ts : undefined;
}

export function authorId(message: SlackMessageLike): string {
  return message.user ?? message.bot_id ?? 'unknown';
}

/** Bots have no users.info entry; their posts carry the name to show. */
export function botName(message: SlackMessageLike): string | undefined {
  return message.user ? undefined : (message.username ?? message.bot_profile?.name);
}

export function messageText(message: SlackMessageLike): string {
  return decodeSlackText(message.text ?? '');
}

/** Shared files as metadata only: tocsin records that a file was shared, never its bytes. */
export function filesOf(message: SlackMessageLike): FileMeta[] | undefined {
  const files = (message.files ?? []).flatMap((file): FileMeta[] =>
    file.id
      ? [
          {
            id: file.id,
            name: file.name ?? file.title ?? file.id,
            ...(file.mimetype ? { mimetype: file.mimetype } : {}),
            ...(typeof file.size === 'number' ? { size: file.size } : {}),
            ...((file.permalink ?? file.url_private)
              ? { url: (file.permalink ?? file.url_private) as string }
              : {}),
          },
        ]
      : [],
  );
  return files.length > 0 ? files : undefined;
}
