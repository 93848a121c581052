import type { types } from '@slack/bolt';
import type { Reply } from '../../src/core/public-api.ts';
import { slugify } from '../../src/core/public-api.ts';
import {
  fitToSections,
  PAGE_BUDGET,
  packMessages,
  packSections,
  type SlackMessage,
  section,
} from './block-kit-pages.ts';
import { toSafeMrkdwn, truncate } from './slack-text.ts';

/** More messages than this for one reply is a wall of text: it goes out as a file instead. */
export const MAX_MESSAGES_PER_REPLY = 3;
const FALLBACK_TEXT_CHARS = 300;

export interface TextAttachment {
  name: string;
  title: string;
  content: string;
}

export interface RenderedReply {
  messages: SlackMessage[];
  /** The whole body as a text file, when it was too long for messages. */
  overflow?: TextAttachment;
}

export interface RenderOptions {
  /**
   * Applied to every piece of text before it leaves, for posts the core did not redact (a job's
   * notice). Left out for the core's replies: the core redacted those once already.
   */
  redact?: (text: string) => string;
  /** A context line naming who acted, for replies that Slack does not attribute itself. */
  byline?: string;
}

/**
 * A core Reply as Slack messages: escaped, mass mentions made inert, redacted when asked, and split
 * so that no message breaks a Block Kit limit. Long bodies (a 500-entry timeline) become a few
 * messages, or one short message plus the full text as a file.
 */
export function renderReply(reply: Reply, options: RenderOptions): RenderedReply {
  const redact = options.redact ?? ((unchanged: string) => unchanged);
  const text = redact(reply.text);
  const lines = (reply.lines ?? []).map(redact);
  const head = packSections(text.split('\n').flatMap((line) => fitToSections(line)));
  const body = packSections(lines.flatMap((line) => (line === '' ? [] : fitToSections(line))));
  const byline: types.KnownBlock[] = options.byline
    ? [{ type: 'context', elements: [{ type: 'mrkdwn', text: options.byline }] }]
    : [];
  const fallback = toSafeMrkdwn(truncate(text, FALLBACK_TEXT_CHARS)) || ' ';
  const pages = packMessages([...head.map(section), ...body.map(section)], {
    blocks: PAGE_BUDGET.blocks - byline.length,
    messageChars: PAGE_BUDGET.messageChars,
  });
  if (pages.length <= MAX_MESSAGES_PER_REPLY) {
    return {
      messages: pages.map((blocks, index) => ({
        text: index === 0 ? fallback : `${fallback} (${index + 1}/${pages.length})`,
        blocks: index === pages.length - 1 ? [...blocks, ...byline] : blocks,
      })),
    };
  }
  const where =
    reply.visibility === 'ephemeral'
      ? 'so I sent you the full text as a file in a direct message'
      : 'so the full text follows as a file';
  const note = `${text.split('\n')[0] ?? ''}\nThat is too long for a message (${lines.length} lines), ${where}.`;
  return {
    messages: [
      {
        text: fallback,
        blocks: [...packSections(note.split('\n').flatMap((l) => fitToSections(l))).map(section), ...byline],
      },
    ],
    overflow: {
      name: `${slugify(text.split('\n')[0] ?? 'reply', 50)}.txt`,
      title: truncate(text.split('\n')[0] ?? 'tocsin', 200),
      content: [text, '', ...lines, ''].join('\n'),
    },
  };
}
