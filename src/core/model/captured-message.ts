import type { Actor, EventOf, FileMeta } from './events.ts';

/** A message said in an incident channel: the one shape live capture and backfill both deliver. */
export interface CapturedMessage {
  messageId: string;
  actor: Actor;
  text: string;
  occurredAt: Date;
  threadId?: string;
  files?: FileMeta[];
  permalink?: string;
}

type CapturedBody = Omit<EventOf<'message_captured'>, 'at' | 'actor' | 'origin'>;

/** The one mapping of a message to its `message_captured` event (the text cleaned once, here). */
export function messageCapturedBody(
  message: Omit<CapturedMessage, 'actor'>,
  clean: (text: string) => string,
): CapturedBody {
  return {
    type: 'message_captured',
    messageId: message.messageId,
    text: clean(message.text),
    occurredAt: message.occurredAt.toISOString(),
    ...(message.threadId === undefined ? {} : { threadId: message.threadId }),
    ...(message.files === undefined ? {} : { files: message.files }),
    ...(message.permalink === undefined ? {} : { permalink: message.permalink }),
  };
}
