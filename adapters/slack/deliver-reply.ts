import type { types } from '@slack/bolt';
import type { Reply } from '../../src/core/public-api.ts';
import type { SlackMessage } from './block-kit-pages.ts';
import { explainSlackError } from './explain-slack-error.ts';
import { renderReply } from './render-reply.ts';
import type { SlackPoster } from './slack-poster.ts';
import { toSafeMrkdwn } from './slack-text.ts';

/** A response_url post, as Bolt's `respond` (or a stored response_url) makes it. */
export type Respond = (body: {
  response_type: 'ephemeral' | 'in_channel';
  replace_original: false;
  text: string;
  blocks: types.KnownBlock[];
}) => Promise<unknown>;

/** Where the answer to something a person did goes. */
export interface ReplyRoute {
  /** The channel they acted in. */
  channel: string;
  /** Who acted: ephemeral answers are for them alone. */
  user: string;
  /** The interaction's response_url: works in channels tocsin is not a member of. */
  respond?: Respond;
  /** A context line naming who acted, when Slack does not show it itself (buttons, modals). */
  byline?: string;
}

export interface DeliveryDeps {
  poster: SlackPoster;
  warn: (message: string, error?: unknown) => void;
}

/**
 * Renders a core Reply and sends it: ephemeral answers to the person, channel answers to the
 * channel (a slash command's in_channel answer doubles as the echo everyone sees), long bodies
 * split or attached as a file, and a reply's file (the postmortem draft) uploaded as it is.
 * A Slack refusal along the way is explained to the person instead of being swallowed.
 */
export async function deliverReply(reply: Reply, route: ReplyRoute, deps: DeliveryDeps): Promise<void> {
  // The core redacted its reply on the way out (IncidentCore.process): no second pass here.
  const rendered = renderReply(reply, route.byline ? { byline: route.byline } : {});
  const visibility = reply.visibility;
  try {
    for (const message of rendered.messages) await send(message, visibility, route, deps);
    if (rendered.overflow) {
      const target = visibility === 'channel' ? route.channel : await deps.poster.directChannel(route.user);
      await deps.poster.upload(target, rendered.overflow);
    }
  } catch (error) {
    await answerPrivately(explainSlackError(error, 'post the whole answer'), route, deps);
  }
  if (reply.file) {
    const channel = reply.incident?.channel ?? route.channel;
    try {
      await deps.poster.upload(channel, reply.file);
    } catch (error) {
      await answerPrivately(
        explainSlackError(error, `upload ${reply.file.name} to <#${channel}>`),
        route,
        deps,
      );
    }
  }
}

async function send(
  message: SlackMessage,
  visibility: Reply['visibility'],
  route: ReplyRoute,
  deps: DeliveryDeps,
): Promise<void> {
  if (route.respond) {
    try {
      await route.respond({
        response_type: visibility === 'channel' ? 'in_channel' : 'ephemeral',
        replace_original: false,
        text: message.text,
        blocks: message.blocks,
      });
      return;
    } catch (error) {
      // An expired or used-up response_url: the Web API still reaches the channel.
      deps.warn('response_url refused the reply; posting through the Web API', error);
    }
  }
  if (visibility === 'channel') await deps.poster.post(route.channel, message);
  else await privately(message, route, deps);
}

/** Ephemeral in the channel when tocsin can post there, else a DM: the person hears back either way. */
async function privately(message: SlackMessage, route: ReplyRoute, deps: DeliveryDeps): Promise<void> {
  try {
    await deps.poster.ephemeral(route.channel, route.user, message);
  } catch {
    await deps.poster.post(route.user, message);
  }
}

/** Tells the person what Slack refused and how to fix it; the last resort is the log. */
export async function answerPrivately(text: string, route: ReplyRoute, deps: DeliveryDeps): Promise<void> {
  const message: SlackMessage = {
    text: toSafeMrkdwn(text),
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: toSafeMrkdwn(text) } }],
  };
  try {
    await send(message, 'ephemeral', route, deps);
  } catch (error) {
    deps.warn(`could not tell ${route.user}: ${text}`, error);
  }
}
