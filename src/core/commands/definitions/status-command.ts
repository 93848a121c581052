import { fail, ok, userError } from '../../errors.ts';
import { type IncidentStatus, STATUSES } from '../../model/events.ts';
import { cleanField, LIMITS } from '../../text/sanitize-input.ts';
import { defineCommand } from '../command-definition.ts';
import { toChannel } from '../reply.ts';
import { splitFirst } from '../text-tokens.ts';

const USAGE = '/incident status <investigating|identified|monitoring> <message>';

export const statusCommand = defineCommand<{ status: IncidentStatus; message: string }>({
  name: 'status',
  summary: 'Post a status update',
  usage: USAGE,
  examples: [
    '/incident status identified bad feature flag',
    '/incident status monitoring error rate back to normal',
  ],
  options: [
    {
      name: 'state',
      description: 'Where the response stands',
      type: 'string',
      required: true,
      choices: STATUSES,
    },
    {
      name: 'message',
      description: 'What people should know',
      type: 'string',
      required: true,
      maxLength: 4000,
    },
  ],
  kind: 'write',
  scope: 'incident',
  allowedWhenResolved: false,
  parseText(text) {
    const [state, message] = splitFirst(text);
    return ok({ state, message });
  },
  build(options) {
    const state = (options.state ?? '').toLowerCase();
    if (!STATUSES.includes(state as IncidentStatus)) {
      const what = state ? `"${options.state}" is not a status.` : 'The status is missing.';
      return fail(userError('invalid_status', `${what} Use investigating, identified or monitoring.`, USAGE));
    }
    const message = cleanField('status message', options.message, LIMITS.statusMessage, {
      required: true,
      usage: USAGE,
    });
    if (!message.ok) return message;
    return ok({ status: state as IncidentStatus, message: message.value as string });
  },
  decide(_incident, args) {
    return ok({
      events: [{ type: 'status_updated', status: args.status, message: args.message }],
      reply: toChannel(`Status: ${args.status}. ${args.message}`),
    });
  },
});
