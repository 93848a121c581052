import type { CoreServices } from './core-services.ts';
import type { InboundEvent } from './inbound-event.ts';
import type { IncidentEvent, IncidentEventBody } from './model/events.ts';
import { cleanText } from './text/sanitize-input.ts';

type ChatterEvent = Exclude<InboundEvent, { kind: 'command' } | { kind: 'command-options' }>;

/** Records what people say in an incident channel. Messages elsewhere are not ours to keep. */
export async function captureChatter(services: CoreServices, event: ChatterEvent): Promise<boolean> {
  const { context } = event;
  const ref = await services.store.findByChannel(context, context.channel);
  if (!ref) return false;
  const body = toBody(event);
  const stamped: IncidentEvent = {
    ...body,
    at: services.clock.now().toISOString(),
    actor: context.actor,
    origin: { platform: context.platform, workspace: context.workspace, channel: context.channel },
  };
  await services.store.appendChatter(ref, [stamped]);
  return true;
}

function toBody(event: ChatterEvent): IncidentEventBody {
  switch (event.kind) {
    case 'message':
      return {
        type: 'message_captured',
        messageId: event.messageId,
        text: cleanText(event.text),
        occurredAt: event.occurredAt.toISOString(),
        ...(event.threadId === undefined ? {} : { threadId: event.threadId }),
        ...(event.files === undefined ? {} : { files: event.files }),
        ...(event.permalink === undefined ? {} : { permalink: event.permalink }),
      };
    case 'message-edited':
      return {
        type: 'message_edited',
        messageId: event.messageId,
        text: cleanText(event.text),
        editedAt: event.editedAt.toISOString(),
      };
    case 'message-deleted':
      return { type: 'message_deleted', messageId: event.messageId };
    case 'message-promoted':
      return { type: 'message_promoted', messageId: event.messageId };
    case 'message-demoted':
      return { type: 'message_demoted', messageId: event.messageId };
  }
}
