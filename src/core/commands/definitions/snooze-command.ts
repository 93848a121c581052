import { fail, ok, userError } from '../../errors.ts';
import { incidentLabel } from '../../model/incident-ref.ts';
import { describeWait } from '../../policy/describe-wait.ts';
import { InvalidDurationError, parseDuration } from '../../policy/duration.ts';
import { STATUS_UPDATE } from '../../policy/page-ids.ts';
import { formatClock } from '../../time/format-time.ts';
import { defineCommand } from '../command-definition.ts';
import { toChannel } from '../reply.ts';

const USAGE = '/incident snooze [duration]';
const MAX_SNOOZE_MS = 24 * 3600_000;

/** The Snooze button of the status-update reminder runs this. */
export const snoozeCommand = defineCommand<{ durationMs: number | undefined }>({
  name: 'snooze',
  summary: 'Snooze the status-update reminder',
  usage: USAGE,
  examples: ['/incident snooze', '/incident snooze 1h'],
  options: [
    {
      name: 'duration',
      description: 'How long, e.g. 30m or 2h (default: two update intervals)',
      type: 'string',
      required: false,
    },
  ],
  kind: 'write',
  scope: 'incident',
  allowedWhenResolved: false,
  parseText(text) {
    return ok({ duration: text.trim() });
  },
  build(options) {
    if (!options.duration) return ok({ durationMs: undefined });
    try {
      const durationMs = parseDuration(options.duration);
      if (durationMs <= 0 || durationMs > MAX_SNOOZE_MS) {
        return fail(userError('invalid_duration', 'Snooze for longer than zero and at most 1d.', USAGE));
      }
      return ok({ durationMs });
    } catch (error) {
      if (!(error instanceof InvalidDurationError)) throw error;
      return fail(
        userError(
          'invalid_duration',
          `"${options.duration}" is not a duration. Write it like 30m, 2h or 1h30m.`,
          USAGE,
        ),
      );
    }
  },
  decide(incident, args, { now, settings, paging }) {
    if (!incident) throw new Error('snooze runs only with an incident');
    const interval = paging.updateIntervalMs(incident.severity);
    if (interval === undefined) {
      return fail(
        userError('nothing_to_snooze', `${incident.severity} has no status-update reminder to snooze.`),
      );
    }
    const durationMs = args.durationMs ?? 2 * interval;
    const until = new Date(now.getTime() + durationMs);
    return ok({
      events: [{ type: 'reminder_snoozed', reminder: STATUS_UPDATE, until: until.toISOString() }],
      reply: toChannel(
        `Status-update reminder for ${incidentLabel(incident.number)} snoozed for ${describeWait(durationMs)}, ` +
          `until ${formatClock(until, settings.timezone)}.`,
      ),
    });
  },
});
