import { fail, ok, userError } from '../../errors.ts';
import { defineCommand } from '../command-definition.ts';
import { ephemeral } from '../reply.ts';

const USAGE = '/incident web';

/**
 * A personal sign-in link to the web view, answered only to the person who typed it: the link
 * is theirs (it signs them in as themselves), so it must never be posted to the channel.
 */
export const webCommand = defineCommand<Record<string, never>>({
  name: 'web',
  summary: 'A personal sign-in link to the web view of incidents',
  usage: USAGE,
  examples: [USAGE],
  options: [],
  kind: 'query',
  scope: 'anywhere',
  allowedWhenResolved: true,
  parseText(text) {
    if (text.trim()) return fail(userError('unexpected_text', '`web` takes no arguments.', USAGE));
    return ok({});
  },
  build() {
    return ok({});
  },
  async answer({ services, origin, actor }) {
    if (!services.signInLinks) {
      return fail(userError('web_disabled', 'The web view is not served by this bot.'));
    }
    const link = await services.signInLinks.issue({
      platform: origin.platform,
      workspace: origin.workspace,
      actor,
    });
    return ok(
      ephemeral(
        `Your personal sign-in link to the web view (single use, expires in ${link.expiresInMinutes} minutes; do not share it):`,
        { lines: [link.url] },
      ),
    );
  },
});
