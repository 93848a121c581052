/*
 * Text for the customer-facing post. It may quote what responders wrote for the public (status
 * updates, the resolution summary, action items), but never a person's name, a mention, a
 * channel or a link: those stay inside.
 */

const URL = /\b(?:https?|ftp|ssh|s3|gs):\/\/\S+|\bwww\.\S+/gi;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
/** Slack `<@U1|name>`, `<#C1|name>`, `<!here>`; Discord `<@123>`, `<@!123>`, `<#123>`, `<@&123>`. */
const PLATFORM_MENTION = /<[@#!][^>\s]*>/g;
const PLAIN_MENTION = /(?<![\w.])@[\w.-]+/g;
const CHANNEL = /(?<![\w&])#[a-z0-9][\w-]*/gi;
/** Display names that are also everyday words would garble the text if replaced. */
const COMMON_WORDS = new Set([
  'you',
  'me',
  'we',
  'us',
  'all',
  'here',
  'team',
  'the',
  'and',
  'ops',
  'admin',
  'root',
]);
const REPLACEMENT = 'the team';

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Scrubs the names of the given people, mentions, channels, emails and links out of text. */
export class PublicText {
  private readonly names: RegExp | undefined;

  constructor(names: Iterable<string>) {
    const usable = [...new Set([...names].map((name) => name.trim()))]
      .filter((name) => name.length >= 3 && !COMMON_WORDS.has(name.toLowerCase()))
      .sort((a, b) => b.length - a.length)
      .map(escapeRegex);
    this.names =
      usable.length > 0 ? new RegExp(`(?<![\\w])(?:${usable.join('|')})(?![\\w])`, 'gi') : undefined;
  }

  scrub(text: string): string {
    let clean = text
      .replace(URL, '')
      .replace(EMAIL, '')
      .replace(PLATFORM_MENTION, REPLACEMENT)
      .replace(PLAIN_MENTION, REPLACEMENT)
      .replace(CHANNEL, '');
    if (this.names) clean = clean.replace(this.names, REPLACEMENT);
    return (
      clean
        // "the DevOps team" with DevOps a participant would read "the the team team".
        .replace(/\bthe (?:the )+team\b/gi, REPLACEMENT)
        .replace(/\bthe team(?: team)+\b/gi, REPLACEMENT)
        .replace(/\(\s*\)/g, '')
        .replace(/[ \t]+([,.;:!?])/g, '$1')
        .replace(/[ \t]{2,}/g, ' ')
        .replace(/[ \t]*\n[ \t]*/g, '\n')
        .trim()
    );
  }
}
