import type { Actor, InboundEvent } from '../../src/core/public-api.ts';
import { slackContext } from './slack-context.ts';
import {
  authorId,
  botName,
  filesOf,
  isOwnMessage,
  isSpoken,
  messageText,
  type SlackMessageLike,
  threadOf,
} from './slack-message.ts';
import type { SlackRuntime } from './slack-runtime.ts';
import { messagePermalink, tsToDate } from './slack-timestamps.ts';

/** The Events API `message` event, with the fields of its subtypes that capture reads. */
export interface SlackMessageEvent extends SlackMessageLike {
  channel?: string;
  event_ts?: string;
  message?: SlackMessageLike;
  previous_message?: SlackMessageLike;
  deleted_ts?: string;
}

async function authorOf(runtime: SlackRuntime, message: SlackMessageLike): Promise<Actor> {
  const id = authorId(message);
  return { id, name: botName(message) ?? (await runtime.users.name(id)) };
}

/** A message someone said, as the core's `message` event; undefined for tocsin's own and for notices. */
export async function messageEventOf(
  runtime: SlackRuntime,
  message: SlackMessageLike,
  workspace: string,
  channel: string,
  eventId?: string,
): Promise<InboundEvent | undefined> {
  if (!isSpoken(message, runtime.bot) || !message.ts) return undefined;
  const thread = threadOf(message);
  const files = filesOf(message);
  const permalink = messagePermalink(runtime.bot.teamUrl, channel, message.ts, thread);
  return {
    kind: 'message',
    messageId: message.ts,
    text: messageText(message),
    // Slack's own ts, not the time the event reached tocsin.
    occurredAt: tsToDate(message.ts),
    ...(thread ? { threadId: thread } : {}),
    ...(files ? { files } : {}),
    ...(permalink ? { permalink } : {}),
    context: slackContext(workspace, channel, await authorOf(runtime, message), eventId),
  };
}

/**
 * Turns one `message` event into what the core captures: a message, an edit, or a deletion.
 * Edits that change no text (link previews, thread bookkeeping) and tocsin's own posts are skipped.
 */
export async function captureEventOf(
  runtime: SlackRuntime,
  event: SlackMessageEvent,
  workspace: string,
  eventId: string | undefined,
): Promise<InboundEvent | undefined> {
  const channel = event.channel;
  if (!channel) return undefined;
  if (event.subtype === 'message_changed') {
    const message = event.message;
    if (!message?.ts || isOwnMessage(message, runtime.bot)) return undefined;
    if ((message.text ?? '') === (event.previous_message?.text ?? '')) return undefined;
    return {
      kind: 'message-edited',
      messageId: message.ts,
      text: messageText(message),
      editedAt: tsToDate(message.edited?.ts ?? event.event_ts ?? event.ts ?? message.ts),
      context: slackContext(workspace, channel, await authorOf(runtime, message), eventId),
    };
  }
  if (event.subtype === 'message_deleted') {
    const previous = event.previous_message;
    const messageId = event.deleted_ts ?? previous?.ts;
    if (!messageId || (previous && isOwnMessage(previous, runtime.bot))) return undefined;
    const actor = previous ? await authorOf(runtime, previous) : { id: 'unknown', name: 'unknown' };
    return { kind: 'message-deleted', messageId, context: slackContext(workspace, channel, actor, eventId) };
  }
  return messageEventOf(runtime, event, workspace, channel, eventId);
}
