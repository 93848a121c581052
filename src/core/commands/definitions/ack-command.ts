import { fail, ok, userError } from '../../errors.ts';
import { outstandingPages } from '../../model/incident-state.ts';
import { defineCommand } from '../command-definition.ts';
import { toChannel } from '../reply.ts';

export const ackCommand = defineCommand<Record<string, never>>({
  name: 'ack',
  summary: 'Acknowledge the outstanding pages',
  usage: '/incident ack',
  examples: ['/incident ack'],
  options: [],
  kind: 'write',
  scope: 'incident',
  allowedWhenResolved: false,
  parseText(text) {
    if (text.trim()) return fail(userError('unexpected_text', '`ack` takes no arguments.', '/incident ack'));
    return ok({});
  },
  build() {
    return ok({});
  },
  decide(incident, _args, { actor }) {
    const pending = incident ? outstandingPages(incident) : [];
    if (pending.length === 0) {
      return fail(userError('nothing_to_ack', 'There is nothing to acknowledge: no page is outstanding.'));
    }
    return ok({
      events: [{ type: 'acknowledged', pageIds: pending.map((page) => page.pageId) }],
      reply: toChannel(
        `${actor.name} acknowledged ${pending.length === 1 ? 'the page' : `${pending.length} pages`}.`,
      ),
    });
  },
});
