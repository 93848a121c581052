import type { Actor } from '../model/events.ts';
import { cleanName } from '../text/sanitize-input.ts';

/**
 * Mentions as platforms write them: Slack `<@U123>` / `<@U123|name>`, Discord `<@123>` /
 * `<@!123>`, and the console's `@alice`. Returns undefined for anything else.
 */
export function parseMention(token: string): Actor | undefined {
  const platform = /^<@!?([A-Za-z0-9._-]+)(?:\|([^>]+))?>$/.exec(token);
  if (platform) {
    const id = platform[1] as string;
    return { id, name: cleanName(platform[2] ?? id, id) };
  }
  const plain = /^@([A-Za-z0-9._-]+)$/.exec(token);
  if (plain) return { id: plain[1] as string, name: plain[1] as string };
  return undefined;
}

export function isMention(token: string): boolean {
  return parseMention(token) !== undefined;
}
