import { fail, ok, userError } from '../../errors.ts';
import { incidentLabel } from '../../model/incident-ref.ts';
import { cleanField, LIMITS } from '../../text/sanitize-input.ts';
import { formatDuration } from '../../time/format-time.ts';
import { defineCommand } from '../command-definition.ts';
import { toChannel } from '../reply.ts';

const USAGE = '/incident resolve [summary]';

export const resolveCommand = defineCommand<{ summary: string | undefined }>({
  name: 'resolve',
  summary: 'Mark the incident resolved',
  usage: USAGE,
  examples: ['/incident resolve rolled back the flag, error rate normal'],
  options: [
    { name: 'summary', description: 'How it ended', type: 'string', required: false, maxLength: 4000 },
  ],
  kind: 'write',
  permission: 'resolve',
  scope: 'incident',
  allowedWhenResolved: true,
  parseText(text) {
    return ok({ summary: text });
  },
  build(options) {
    const summary = cleanField('summary', options.summary, LIMITS.summary, { required: false, usage: USAGE });
    if (!summary.ok) return summary;
    return ok({ summary: summary.value });
  },
  decide(incident, args, { now }) {
    if (!incident) throw new Error('resolve runs only with an incident');
    const label = incidentLabel(incident.number);
    if (incident.status === 'resolved') {
      return fail(
        userError(
          'already_resolved',
          `${label} is already resolved. To resolve it again, /incident reopen it first.`,
        ),
      );
    }
    const lasted = formatDuration(now.getTime() - Date.parse(incident.declaredAt));
    return ok({
      events: [{ type: 'resolved', ...(args.summary === undefined ? {} : { summary: args.summary }) }],
      reply: toChannel(
        `${label} resolved after ${lasted}.${args.summary ? ` ${args.summary}` : ''} Draft the postmortem with /incident postmortem.`,
      ),
    });
  },
});
