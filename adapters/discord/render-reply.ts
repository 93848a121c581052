import { AttachmentBuilder } from 'discord.js';
import type { Reply } from '../../src/core/public-api.ts';
import { slugify } from '../../src/core/public-api.ts';
import { DISCORD_LIMITS } from './discord-limits.ts';
import { splitText } from './split-text.ts';

/** One Discord message of a rendered reply. */
export interface MessagePart {
  content: string;
  files: AttachmentBuilder[];
}

/** More messages than this in a row is a wall of text: the body goes into a file instead. */
export const MAX_SPLIT_MESSAGES = 3;

/**
 * Turns a platform-neutral reply into Discord messages within the 2000-character limit. Short
 * bodies are split at line breaks; long ones (a 500-entry timeline) are attached as a text file
 * under a short message. A reply's own file (the postmortem draft) is attached as Markdown.
 */
export function renderReply(reply: Reply, maxMessages = MAX_SPLIT_MESSAGES): MessagePart[] {
  const body = [reply.text, ...(reply.lines ?? [])].join('\n');
  const pieces = splitText(body, DISCORD_LIMITS.content);
  let parts: MessagePart[];
  if (pieces.length <= maxMessages) {
    parts = pieces.map((content) => ({ content, files: [] }));
  } else {
    const fileName = `${slugify(reply.text, 60)}.txt`;
    const note = `\n(${reply.lines?.length ?? pieces.length} lines: too long for a message, see ${fileName})`;
    const head = splitText(reply.text, DISCORD_LIMITS.content - note.length)[0] ?? '';
    parts = [
      { content: `${head}${note}`, files: [new AttachmentBuilder(Buffer.from(body), { name: fileName })] },
    ];
  }
  if (reply.file) {
    const last = parts[parts.length - 1] as MessagePart;
    last.files.push(
      new AttachmentBuilder(Buffer.from(reply.file.content), {
        name: markdownName(reply.file.name),
        description: reply.file.title,
      }),
    );
  }
  return parts;
}

function markdownName(name: string): string {
  const base = name.split('/').pop() || 'postmortem';
  return base.toLowerCase().endsWith('.md') ? base : `${base}.md`;
}
