import { basename } from 'node:path';
import type { Actor, FileMeta } from '../core/model/events.ts';
import { ImportError, type ImportedMessage, type ImportSource, inRange } from './import-source.ts';
import { ZipArchive } from './zip-archive.ts';

interface SlackUser {
  id?: string;
  name?: string;
  real_name?: string;
  team_id?: string;
  profile?: { display_name?: string; real_name?: string };
}

interface SlackExportMessage {
  ts?: string;
  user?: string;
  text?: string;
  subtype?: string;
  thread_ts?: string;
  bot_id?: string;
  username?: string;
  bot_profile?: { name?: string };
  user_profile?: { display_name?: string; real_name?: string };
  files?: { id?: string; name?: string; mimetype?: string; size?: number; url_private?: string }[];
  reactions?: { name?: string }[];
}

const DAY_FILE = /^(\d{4}-\d{2}-\d{2})\.json$/;
/** Said by nobody: Slack's own notices of joins, leaves, topic changes. */
const JOINS = new Set(['channel_join', 'channel_leave', 'group_join', 'group_leave']);
const SKIPPED = new Set(['tombstone', 'message_deleted']);

export interface SlackExportOptions {
  channel: string;
  from?: Date;
  to?: Date;
}

/**
 * A Slack workspace export (the ZIP an admin downloads): `users.json`, `channels.json` (and
 * `groups.json` for private channels), and one folder per channel of `YYYY-MM-DD.json` days.
 */
export async function readSlackExport(path: string, options: SlackExportOptions): Promise<ImportSource> {
  const zip = await ZipArchive.open(path);
  try {
    const wanted = options.channel.replace(/^#/, '');
    const channels = [
      ...asArray(await zip.json('channels.json'), path, 'channels.json'),
      ...(zip.has('groups.json') ? asArray(await zip.json('groups.json'), path, 'groups.json') : []),
    ] as { id?: string; name?: string }[];
    const channel = channels.find((candidate) => candidate.name === wanted);
    if (!channel?.id) {
      const names = channels.map((candidate) => candidate.name).filter(Boolean);
      throw new ImportError(
        `${path} has no channel "${wanted}". Its channels: ${names.join(', ') || 'none'}.`,
      );
    }
    const users = zip.has('users.json')
      ? (asArray(await zip.json('users.json'), path, 'users.json') as SlackUser[])
      : [];
    const names = new Map(users.flatMap((user) => (user.id ? [[user.id, nameOf(user)] as const] : [])));
    const days = zip
      .names()
      .filter((name) => name.startsWith(`${wanted}/`) && DAY_FILE.test(basename(name)))
      .filter((name) => dayInRange(basename(name), options))
      .sort();
    const workspace = users.find((user) => user.team_id)?.team_id ?? 'slack-export';
    const id = channel.id;
    return {
      kind: 'slack-export',
      file: path,
      workspace,
      channel: { id, name: wanted },
      messages: () => messagesOf(path, days, names, options),
    };
  } finally {
    zip.close();
  }
}

async function* messagesOf(
  path: string,
  days: readonly string[],
  names: ReadonlyMap<string, string>,
  range: { from?: Date; to?: Date },
): AsyncIterable<ImportedMessage> {
  const zip = await ZipArchive.open(path);
  try {
    for (const day of days) {
      const raw = asArray(await zip.json(day), path, day) as SlackExportMessage[];
      const messages = raw.filter(
        (message) => typeof message.ts === 'string' && !SKIPPED.has(message.subtype ?? ''),
      );
      messages.sort((a, b) => Number(a.ts) - Number(b.ts));
      for (const message of messages) {
        const imported = toImported(message, names, path, day);
        if (inRange(imported.occurredAt, range)) yield imported;
      }
    }
  } finally {
    zip.close();
  }
}

function toImported(
  message: SlackExportMessage,
  names: ReadonlyMap<string, string>,
  path: string,
  day: string,
): ImportedMessage {
  const ts = message.ts as string;
  const seconds = Number(ts);
  if (!Number.isFinite(seconds))
    throw new ImportError(`${path}: ${day} has a message with the bad ts "${ts}".`);
  const files = (message.files ?? []).flatMap((file): FileMeta[] =>
    file.id
      ? [
          {
            id: file.id,
            name: file.name ?? file.id,
            ...(file.mimetype ? { mimetype: file.mimetype } : {}),
            ...(typeof file.size === 'number' ? { size: file.size } : {}),
            ...(file.url_private ? { url: file.url_private } : {}),
          },
        ]
      : [],
  );
  return {
    messageId: ts,
    actor: actorOf(message, names),
    text: readableMentions(message.text ?? '', names),
    occurredAt: new Date(Math.round(seconds * 1000)),
    ...(message.thread_ts && message.thread_ts !== ts ? { threadId: message.thread_ts } : {}),
    ...(files.length > 0 ? { files } : {}),
    pinned: (message.reactions ?? []).some((reaction) => reaction.name === 'pushpin'),
    join: JOINS.has(message.subtype ?? ''),
  };
}

function actorOf(message: SlackExportMessage, names: ReadonlyMap<string, string>): Actor {
  if (message.subtype === 'bot_message' || (!message.user && message.bot_id)) {
    const name = message.username ?? message.bot_profile?.name ?? 'bot';
    return { id: message.bot_id ?? name, name };
  }
  const id = message.user ?? 'unknown';
  const profile = message.user_profile?.display_name || message.user_profile?.real_name;
  return { id, name: names.get(id) ?? profile ?? id };
}

/** `<@U123>` reads as `@alice` in a timeline nobody can click through. */
function readableMentions(text: string, names: ReadonlyMap<string, string>): string {
  return text.replace(
    /<@([UW][A-Z0-9]+)(?:\|([^>]+))?>/g,
    (_, id: string, label?: string) => `@${label ?? names.get(id) ?? id}`,
  );
}

function nameOf(user: SlackUser): string {
  return (
    user.profile?.display_name ||
    user.profile?.real_name ||
    user.real_name ||
    user.name ||
    user.id ||
    'unknown'
  );
}

function dayInRange(file: string, range: { from?: Date; to?: Date }): boolean {
  const day = DAY_FILE.exec(file)?.[1] ?? '';
  const start = Date.parse(`${day}T00:00:00Z`);
  // Day files follow the workspace's zone, not UTC: a day either side is kept, and messages are
  // filtered by their own time after.
  const slack = 86_400_000;
  return (
    (!range.to || start - slack <= range.to.getTime()) &&
    (!range.from || start + 2 * slack > range.from.getTime())
  );
}

function asArray(value: unknown, path: string, name: string): unknown[] {
  if (!Array.isArray(value)) throw new ImportError(`${path}: ${name} is not a JSON array.`);
  return value;
}
