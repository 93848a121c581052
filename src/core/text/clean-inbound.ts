import type { RawOptions } from '../commands/command-definition.ts';
import type { InboundEvent } from '../inbound-event.ts';
import { cleanName, cleanText } from './sanitize-input.ts';

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

/**
 * Every option value cleaned before a command reads it, typed or sent as a platform option: a
 * lookup (a schedule id, a template) never echoes hidden characters back, and a hidden character
 * inside `sev1` cannot turn it into part of a title.
 */
export function cleanOptions(options: RawOptions): RawOptions {
  return Object.fromEntries(
    Object.entries(options).map(([name, value]) => [
      name,
      value === undefined ? undefined : cleanText(value),
    ]),
  );
}
