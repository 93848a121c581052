import type { InboundEvent } from '../inbound-event.ts';
import { cleanName } from './sanitize-input.ts';

/**
 * Display names come from the platforms unchecked; cleaned once where events enter the core, the
 * name in every reply, event and timeline line carries no bidi controls or hidden characters.
 */
export function withCleanActor(event: InboundEvent): InboundEvent {
  const { actor } = event.context;
  const name = cleanName(actor.name, actor.id);
  if (name === actor.name) return event;
  return { ...event, context: { ...event.context, actor: { ...actor, name } } };
}
