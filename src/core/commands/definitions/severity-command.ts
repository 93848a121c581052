import { fail, ok, userError } from '../../errors.ts';
import { incidentLabel } from '../../model/incident-ref.ts';
import { isUpgrade, SEVERITIES, type Severity } from '../../model/severity.ts';
import { parseSeverity, severityWords, splitLeadingSeverity } from '../../model/severity-words.ts';
import { cleanField, LIMITS } from '../../text/sanitize-input.ts';
import { defineCommand } from '../command-definition.ts';
import { toChannel } from '../reply.ts';

const USAGE = '/incident sev <sev1..sev4> [reason]';

export const severityCommand = defineCommand<{ severity: Severity; reason: string | undefined }>({
  name: 'sev',
  summary: 'Change the severity',
  usage: USAGE,
  examples: ['/incident sev sev1 all regions affected'],
  options: [
    {
      name: 'severity',
      description: 'The new severity',
      type: 'string',
      required: true,
      choices: SEVERITIES.map((s) => s.toLowerCase()),
    },
    { name: 'reason', description: 'Why it changed', type: 'string', required: false, maxLength: 500 },
  ],
  kind: 'write',
  permission: 'severity',
  scope: 'incident',
  allowedWhenResolved: false,
  parseText(text) {
    const [severity, reason] = splitLeadingSeverity(text);
    return ok({ severity, reason });
  },
  build(options, context) {
    if (!options.severity?.trim()) {
      return fail(
        userError(
          'missing_field',
          `Which severity? Give one of ${severityWords(context.severityAliases)}.`,
          USAGE,
        ),
      );
    }
    const severity = parseSeverity(options.severity, context.severityAliases);
    if (!severity.ok) return fail({ ...severity.error, usage: USAGE });
    const reason = cleanField('reason', options.reason, LIMITS.reason, { required: false, usage: USAGE });
    if (!reason.ok) return reason;
    return ok({ severity: severity.value, reason: reason.value });
  },
  decide(incident, args) {
    if (!incident) throw new Error('sev runs only with an incident');
    if (incident.severity === args.severity) {
      return fail(userError('no_change', `${incidentLabel(incident.number)} is already ${args.severity}.`));
    }
    const direction = isUpgrade(incident.severity, args.severity) ? 'raised' : 'lowered';
    return ok({
      events: [
        {
          type: 'severity_changed',
          from: incident.severity,
          to: args.severity,
          ...(args.reason === undefined ? {} : { reason: args.reason }),
        },
      ],
      reply: toChannel(
        `Severity ${direction}: ${incident.severity} → ${args.severity}${args.reason ? ` (${args.reason})` : ''}`,
      ),
    });
  },
});
