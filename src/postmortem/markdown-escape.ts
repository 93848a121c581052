import type { SectionPrompt } from './postmortem-model.ts';

/*
 * Text people typed goes into Markdown tables, lists and paragraphs. Escaping keeps it text: it
 * cannot end a table cell (`|`), start a new line or block (`\n`, a leading `#`, `>`, `-`, `1.`),
 * open an HTML tag or entity, or form a link or image. It leaves the rest readable in the raw
 * file: `snake_case`, `a -> b` and code in backticks stay as typed.
 */

// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200B\u202A-\u202E\u2066-\u2069]/g;
/** A backslash that would escape what follows (punctuation, or our own line break); doubled. */
const ESCAPING_BACKSLASH = /\\(?=[!-/:-@[-`{-~]|$)/g;
const ENTITY_START = /&(?=#?[A-Za-z0-9]+;)/g;
/** `](`, `][` and `]:` make links, images and link definitions; a lone bracket does nothing. */
const LINK_BRACKET = /\](?=[([:])/g;
const BLOCK_START = /^(\s*)(#|>|[-+*=_]|~~~|```|\d{1,9}[.)])/;
/** Anything any rule above would change; a superset, so a miss only costs the slow path. */
const NEEDS_ESCAPING =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are among what needs escaping.
  /[\\|&<\]\r\n\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200B\u202A-\u202E\u2066-\u2069]|^\s*[-#>+*=_~`\d]/;

function escapeLine(line: string): string {
  return line
    .replace(CONTROL, '')
    .replace(ESCAPING_BACKSLASH, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(ENTITY_START, '&amp;')
    .replace(/</g, '&lt;')
    .replace(LINK_BRACKET, '\\]')
    .replace(BLOCK_START, (_whole, space: string, marker: string) =>
      /^\d/.test(marker) ? `${space}${marker.slice(0, -1)}\\${marker.slice(-1)}` : `${space}\\${marker}`,
    );
}

function lines(value: unknown): string[] {
  const text = value === undefined || value === null ? '' : String(value);
  return text.replace(/\r\n?/g, '\n').split('\n');
}

/**
 * Text for a table cell, a list item or inside a sentence: one line, line breaks become `<br>`.
 * This is what `<%= %>` does in templates.
 */
export function escapeInline(value: unknown): string {
  // Most chat lines need nothing; skipping the replace chain for them keeps a 100k-line
  // transcript cheap to render.
  if (typeof value === 'string' && !NEEDS_ESCAPING.test(value)) return value.trim();
  return lines(value)
    .map((line) => escapeLine(line.trim()))
    .join('<br>');
}

/**
 * A paragraph of its own: line breaks kept (as hard breaks), each line escaped. `indent` prefixes
 * continuation lines, e.g. `> ` inside a quote or two spaces inside a list item.
 */
export function escapeBlock(value: unknown, indent = ''): string {
  const escaped = lines(value).map((line) => escapeLine(line.trim()));
  while (escaped.length > 0 && escaped[escaped.length - 1] === '') escaped.pop();
  return escaped
    .map((line, index) => {
      if (index === 0) return line;
      return line === '' ? indent.trimEnd() : `${indent}${line}`;
    })
    .map((line, index, all) =>
      index < all.length - 1 && line !== '' && all[index + 1] !== '' ? `${line}\\` : line,
    )
    .join('\n');
}

/** `[label](url)` for http(s) URLs; anything else (javascript:, data:, garbage) is shown as text. */
export function markdownLink(label: unknown, url: string | undefined): string {
  const text = escapeInline(label);
  if (url === undefined || !/^https?:\/\/[^\s]+$/i.test(url)) return text;
  const safeUrl = url.replace(/[()<>"'\\|`]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
  return `[${text.replace(/(?<!\\)[[\]]/g, '\\$&')}](${safeUrl})`;
}

/** A section only people can write: the question, then the record's hints, as a quote. */
export function markdownPrompt(prompt: SectionPrompt): string {
  const lines = [`> _To be written._ ${escapeInline(prompt.question)}`];
  if (prompt.hints.length > 0) {
    lines.push('>', '> From the record:');
    for (const hint of prompt.hints) lines.push(`> - ${escapeInline(hint)}`);
  }
  return lines.join('\n');
}

/** The helpers templates reach as `it.md`. */
export interface MarkdownHelpers {
  /** Same as `<%= %>`: inline text, safe in tables. */
  text(value: unknown): string;
  /** Same as `text`, named for table cells. */
  cell(value: unknown): string;
  /** A multi-line paragraph; print it with `<%~ %>`. */
  block(value: unknown, indent?: string): string;
  /** A link to an http(s) URL, or just the label; print it with `<%~ %>`. */
  link(label: unknown, url: string | undefined): string;
  /** A prompt for a section people write; print it with `<%~ %>` on its own line. */
  prompt(prompt: SectionPrompt): string;
}

export const markdownHelpers: MarkdownHelpers = {
  text: escapeInline,
  cell: escapeInline,
  block: escapeBlock,
  link: markdownLink,
  prompt: markdownPrompt,
};
