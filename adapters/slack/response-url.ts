import type { Respond } from './deliver-reply.ts';
import { SlackPlatformError } from './slack-platform-error.ts';

/**
 * Posts to a response_url kept from an earlier interaction, as Bolt's `respond` does for the
 * current one: a modal answers through the command that opened it (valid 30 minutes, 5 uses).
 */
export function responseUrlPoster(responseUrl: string): Respond {
  return async (body) => {
    const answer = await fetch(responseUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!answer.ok) {
      throw new SlackPlatformError(answer.status === 404 ? 'used_url' : 'http_error', 'response_url', {
        status: answer.status,
      });
    }
  };
}
