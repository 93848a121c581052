import type { CoreServices } from './core-services.ts';
import { ok } from './errors.ts';
import type { InboundEvent } from './inbound-event.ts';
import { messageCapturedBody } from './model/captured-message.ts';
import type { IncidentEventBody } from './model/events.ts';
import { cleanText } from './text/sanitize-input.ts';
import { commit } from './write/commit.ts';

type ChatterEvent = Exclude<InboundEvent, { kind: 'command' } | { kind: 'command-options' }>;

/**
 * Records what people say in an incident channel (messages elsewhere are not ours to keep).
 * A new message is deduplicated by its own id; edits, deletions and 📌 by their delivery id.
 */
export async function captureChatter(
  services: CoreServices,
  event: ChatterEvent,
  deliveryKey: string | undefined,
): Promise<boolean> {
  const { context } = event;
  const ref = await services.store.findByChannel(context, context.channel);
  if (!ref) return false;
  const outcome = await commit(services, {
    target: { kind: 'chatter', ref },
    actor: context.actor,
    origin: { platform: context.platform, workspace: context.workspace, channel: context.channel },
    ...(deliveryKey === undefined || event.kind === 'message' ? {} : { deliveryKey }),
    decide: () => ok({ events: [toBody(event)] }),
  });
  return outcome.status !== 'duplicate' || event.kind === 'message';
}

function toBody(event: ChatterEvent): IncidentEventBody {
  switch (event.kind) {
    case 'message':
      return messageCapturedBody(event, cleanText);
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
