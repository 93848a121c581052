import { fail, ok, userError } from '../../errors.ts';
import { incidentLabel } from '../../model/incident-ref.ts';
import { defineCommand } from '../command-definition.ts';
import { toChannel } from '../reply.ts';

export const reopenCommand = defineCommand<Record<string, never>>({
  name: 'reopen',
  summary: 'Reopen a resolved incident',
  usage: '/incident reopen',
  examples: ['/incident reopen'],
  options: [],
  kind: 'write',
  permission: 'reopen',
  scope: 'incident',
  allowedWhenResolved: true,
  parseText(text) {
    if (text.trim())
      return fail(userError('unexpected_text', '`reopen` takes no arguments.', '/incident reopen'));
    return ok({});
  },
  build() {
    return ok({});
  },
  decide(incident) {
    if (!incident) throw new Error('reopen runs only with an incident');
    if (incident.status !== 'resolved') {
      return fail(
        userError(
          'not_resolved',
          `${incidentLabel(incident.number)} is still open; there is nothing to reopen.`,
        ),
      );
    }
    return ok({
      events: [{ type: 'reopened' }],
      reply: toChannel(`${incidentLabel(incident.number)} is open again (status: investigating).`),
    });
  },
});
