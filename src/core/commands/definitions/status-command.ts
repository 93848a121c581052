import { fail, ok, userError } from '../../errors.ts';
import { type IncidentStatus, type PublicImpact, STATUSES } from '../../model/events.ts';
import type { Severity } from '../../model/severity.ts';
import { cleanField, LIMITS } from '../../text/sanitize-input.ts';
import { defineCommand } from '../command-definition.ts';
import { toChannel } from '../reply.ts';
import { splitFirst } from '../text-tokens.ts';

const USAGE = '/incident status <investigating|identified|monitoring> <message>';

/** Statuspage's impact words, from the severity when the update is published. */
export const PUBLIC_IMPACT: Record<Severity, PublicImpact> = {
  SEV1: 'critical',
  SEV2: 'major',
  SEV3: 'minor',
  SEV4: 'none',
};

/** `--public` right after the state: the message also goes on the public status page. */
const PUBLIC_FLAG = /^--public(?:\s+|$)/i;

export const statusCommand = defineCommand<{ status: IncidentStatus; message: string; public?: true }>({
  name: 'status',
  summary: 'Post a status update (--public after the state: also on the status page)',
  usage: USAGE,
  examples: [
    '/incident status identified bad feature flag',
    '/incident status monitoring error rate back to normal',
    '/incident status identified --public We found the cause and are rolling out a fix.',
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
    {
      name: 'public',
      description: 'Also publish the message on the public status page',
      type: 'boolean',
      required: false,
    },
  ],
  kind: 'write',
  scope: 'incident',
  allowedWhenResolved: false,
  parseText(text) {
    const [state, rest] = splitFirst(text);
    const flagged = PUBLIC_FLAG.exec(rest);
    if (!flagged) return ok({ state, message: rest });
    return ok({ state, message: rest.slice(flagged[0].length), public: 'true' });
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
    return ok({
      status: state as IncidentStatus,
      message: message.value as string,
      ...(options.public?.trim().toLowerCase() === 'true' ? { public: true as const } : {}),
    });
  },
  decide(incident, args) {
    const update = { type: 'status_updated' as const, status: args.status, message: args.message };
    if (!args.public || !incident) {
      return ok({ events: [update], reply: toChannel(`Status: ${args.status}. ${args.message}`) });
    }
    if (incident.private) {
      return fail(
        userError(
          'private_incident',
          'This incident is private: nothing of it goes on the public status page. Post the update without --public.',
          USAGE,
        ),
      );
    }
    const published = {
      type: 'status_published' as const,
      status: args.status,
      message: args.message,
      impact: PUBLIC_IMPACT[incident.severity],
    };
    return ok({
      events: [update, published],
      reply: toChannel(`Status: ${args.status}. ${args.message} (published on the status page)`),
    });
  },
});
