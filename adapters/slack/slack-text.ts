/**
 * Text crossing the Slack boundary. Slack sends `&`, `<` and `>` typed by people as entities and
 * keeps real angle brackets for its own tokens (`<@U1>`, `<#C1>`, `<!here>`, `<https://…|label>`).
 * Inbound, the log keeps what the person typed; outbound, everything is escaped again and only
 * tokens that cannot ping a crowd survive.
 */

const TOKEN = /<([^<>]*)>/g;
const USER_ID = /^[UW][A-Z0-9]+$/;
const CHANNEL_ID = /^[CGD][A-Z0-9]+$/;
const LINK = /^(https?:\/\/[^\s|]+)(?:\|(.*))?$/;
/** Plain `@channel` is inert without `link_names`, which tocsin never sets; a zero-width space makes sure. */
const PLAIN_MASS_MENTION = /@(channel|here|everyone)\b/gi;
const ZWSP = '\u200B';

/** Undoes Slack's entity escaping of user text, leaving its `<…>` tokens as they are. */
export function decodeSlackText(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** Escapes the three characters Slack's mrkdwn reserves. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function neutralisePlain(text: string): string {
  return text.replace(PLAIN_MASS_MENTION, (_whole, word: string) => `@${ZWSP}${word}`);
}

/** What a `<!…>` special token shows as once it can no longer notify anyone. */
function inertSpecial(body: string): string {
  const split = body.indexOf('|');
  const command = split < 0 ? body : body.slice(0, split);
  const label = split < 0 ? undefined : body.slice(split + 1);
  if (command.startsWith('!date')) return escapeMrkdwn(label ?? '');
  const word = command.slice(1).split('^')[0] ?? '';
  if (/^(channel|here|everyone)$/.test(word)) return `@${ZWSP}${word}`;
  return neutralisePlain(escapeMrkdwn(label ?? word));
}

function renderToken(body: string): string {
  if (body.startsWith('@')) {
    const id = body.slice(1).split('|')[0] ?? '';
    if (USER_ID.test(id)) return `<@${id}>`;
  }
  if (body.startsWith('#')) {
    const id = body.slice(1).split('|')[0] ?? '';
    if (CHANNEL_ID.test(id)) return `<#${id}>`;
  }
  if (body.startsWith('!')) return inertSpecial(body);
  const link = LINK.exec(body);
  if (link) {
    const [, url = '', label] = link;
    return label ? `<${url}|${neutralisePlain(escapeMrkdwn(label))}>` : `<${url}>`;
  }
  return escapeMrkdwn(`<${body}>`);
}

/**
 * Plain text (as the core writes it, possibly quoting what users typed) → Slack mrkdwn that is
 * safe to post: `&<>` escaped, `<!channel>`, `<!here>`, `<!everyone>` and user-group mentions
 * made inert, user mentions, channel links and links kept.
 */
export function toSafeMrkdwn(text: string): string {
  let out = '';
  let cursor = 0;
  for (const match of text.matchAll(TOKEN)) {
    out += neutralisePlain(escapeMrkdwn(text.slice(cursor, match.index)));
    out += renderToken(match[1] ?? '');
    cursor = match.index + match[0].length;
  }
  return out + neutralisePlain(escapeMrkdwn(text.slice(cursor)));
}

/** For plain_text fields (headers, buttons, modal titles): nothing is parsed there, but mass mentions still read as such. */
export function toSafePlainText(text: string): string {
  return neutralisePlain(text.replace(TOKEN, (_whole, body: string) => readableToken(body)));
}

function readableToken(body: string): string {
  const [command = '', label] = body.split('|');
  if (command.startsWith('!')) return label ?? `@${ZWSP}${command.slice(1).split('^')[0] ?? ''}`;
  if (label) return command.startsWith('@') ? `@${label}` : label;
  return command;
}

/** Cuts text to `max` characters, marking the cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, Math.max(0, max - 1))}…`;
}
