import type { RawOptions } from '../commands/command-definition.ts';
import type { InboundEvent } from '../inbound-event.ts';
import { cleanName, cleanText } from './sanitize-input.ts';

/**
 * What people send is cleaned once, where it enters the core: the typed command line (or each
 * option a platform sent) and the sender's display name. No reply, event or refusal then carries
 * bidi controls or hidden characters, a lookup (a schedule id, a template) never echoes them, and
 * a hidden character inside `sev1` cannot turn it into part of a title.
 */
export function cleanInbound(event: InboundEvent): InboundEvent {
  const { actor } = event.context;
  const name = cleanName(actor.name, actor.id);
  const context = name === actor.name ? event.context : { ...event.context, actor: { ...actor, name } };
  switch (event.kind) {
    case 'command':
      return { ...event, text: cleanText(event.text), context };
    case 'command-options':
      return { ...event, name: cleanText(event.name), options: cleanOptions(event.options), context };
    default:
      return context === event.context ? event : { ...event, context };
  }
}

export function cleanOptions(options: RawOptions): RawOptions {
  return Object.fromEntries(
    Object.entries(options).map(([name, value]) => [
      name,
      value === undefined ? undefined : cleanText(value),
    ]),
  );
}
