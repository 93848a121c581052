import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import parserStream from 'stream-json';
import pick from 'stream-json/filters/pick.js';
import streamValues from 'stream-json/streamers/stream-values.js';
import type { FileMeta } from '../core/model/events.ts';
import { ImportError, type ImportedMessage, type ImportSource, inRange } from './import-source.ts';

interface ExportedMessage {
  id?: string;
  type?: string;
  timestamp?: string;
  content?: string;
  author?: { id?: string; name?: string; nickname?: string; isBot?: boolean };
  attachments?: { id?: string; fileName?: string; fileSizeBytes?: number; url?: string }[];
  reactions?: { emoji?: { name?: string } }[];
  reference?: { messageId?: string; channelId?: string };
}

interface Header {
  guild?: { id?: string; name?: string };
  channel?: { id?: string; name?: string; type?: string; categoryId?: string };
}

/** DiscordChatExporter's message types that are notices, not speech. */
const JOINS = new Set(['GuildMemberJoin', 'RecipientAdd', 'RecipientRemove', 'ChannelNameChange']);

/**
 * A channel exported by DiscordChatExporter (`--format Json`): `guild`, `channel`, then
 * `messages`, streamed one at a time (stream-json), so a 1 GB export is read in constant memory.
 */
export async function readDiscordExport(
  path: string,
  range: { from?: Date; to?: Date } = {},
): Promise<ImportSource> {
  try {
    await access(path);
  } catch {
    throw new ImportError(`${path} does not exist or cannot be read.`);
  }
  const header = await readHeader(path);
  const guild = header.guild?.id;
  const channel = header.channel;
  if (!guild || !channel?.id) {
    throw new ImportError(
      `${path} is not a DiscordChatExporter JSON export: it has no guild and channel at the top.`,
    );
  }
  return {
    kind: 'discord-export',
    file: path,
    workspace: guild,
    channel: { id: channel.id, name: channel.name ?? channel.id },
    messages: () => messagesOf(path, range),
  };
}

function tokens(path: string, filter: RegExp) {
  return createReadStream(path)
    .pipe(parserStream())
    .pipe(pick.asStream({ filter }))
    .pipe(streamValues.asStream());
}

async function readHeader(path: string): Promise<Header> {
  const header: Header = {};
  const keys = ['guild', 'channel'] as const;
  try {
    let index = 0;
    for await (const { value } of tokens(path, /^(guild|channel)$/)) {
      const key = keys[index++];
      if (key) header[key] = value as never;
      if (index >= keys.length) break;
    }
  } catch (error) {
    throw new ImportError(`${path} is not valid JSON (${(error as Error).message}).`);
  }
  return header;
}

async function* messagesOf(path: string, range: { from?: Date; to?: Date }): AsyncIterable<ImportedMessage> {
  const stream = tokens(path, /^messages\.\d+$/);
  let position = 0;
  try {
    for await (const { value } of stream) {
      position += 1;
      const message = toImported(value as ExportedMessage, path, position);
      if (message && inRange(message.occurredAt, range)) yield message;
    }
  } catch (error) {
    if (error instanceof ImportError) throw error;
    throw new ImportError(
      `${path}: message ${position + 1} is not valid JSON (${(error as Error).message}).`,
    );
  }
}

function toImported(message: ExportedMessage, path: string, position: number): ImportedMessage | undefined {
  if (!message.id) return undefined;
  const at = Date.parse(message.timestamp ?? '');
  if (Number.isNaN(at))
    throw new ImportError(`${path}: message ${position} (${message.id}) has no valid timestamp.`);
  const files = (message.attachments ?? []).flatMap((file): FileMeta[] =>
    file.id
      ? [
          {
            id: file.id,
            name: file.fileName ?? file.id,
            ...(typeof file.fileSizeBytes === 'number' ? { size: file.fileSizeBytes } : {}),
            ...(file.url ? { url: file.url } : {}),
          },
        ]
      : [],
  );
  const author = message.author ?? {};
  return {
    messageId: message.id,
    actor: { id: author.id ?? 'unknown', name: author.nickname || author.name || author.id || 'unknown' },
    text: message.content ?? '',
    occurredAt: new Date(at),
    ...(files.length > 0 ? { files } : {}),
    pinned: (message.reactions ?? []).some((reaction) => reaction.emoji?.name === '📌'),
    join: JOINS.has(message.type ?? ''),
  };
}
