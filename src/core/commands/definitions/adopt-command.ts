import { fail, ok, userError } from '../../errors.ts';
import { incidentLabel } from '../../model/incident-ref.ts';
import type { Severity } from '../../model/severity.ts';
import { leadingSeverity, parseSeverity } from '../../model/severity-words.ts';
import { paceText } from '../../read-adopted-history.ts';
import { cleanField, LIMITS } from '../../text/sanitize-input.ts';
import { formatClock } from '../../time/format-time.ts';
import { parseLeadingTime } from '../../time/parse-backdate.ts';
import { defineCommand } from '../command-definition.ts';
import { toChannel } from '../reply.ts';

const USAGE = '/incident adopt [sev1|sev2|sev3|sev4] [title] [since HH:MM | since YYYY-MM-DD HH:MM]';
/** Without `since`: the hour before, which is when most incidents that were noticed in chat began. */
const DEFAULT_LOOKBACK_MS = 60 * 60 * 1000;
const DEFAULT_TITLE = 'Incident adopted from this channel';

interface AdoptArgs {
  severity: Severity | undefined;
  title: string;
  since: Date;
}

/** Known from the config: the platform reads history slowly for this app (Slack's limited tier). */
type Pace = { requestsPerMinute: number } | undefined;

export const adoptCommand = defineCommand<AdoptArgs, Pace>({
  name: 'adopt',
  summary: 'Make this channel the incident’s channel, with what was said here since a time',
  usage: USAGE,
  examples: ['/incident adopt sev2 checkout errors since 14:05', '/incident adopt'],
  options: [
    {
      name: 'title',
      description: 'What is broken, in a few words',
      type: 'string',
      required: false,
      maxLength: 150,
    },
    {
      name: 'since',
      description: 'From when to read back: HH:MM or YYYY-MM-DD HH:MM',
      type: 'string',
      required: false,
    },
  ],
  kind: 'write',
  permission: 'declare',
  scope: 'anywhere',
  allowedWhenResolved: true,
  parseText(text) {
    const since = /(?:^|\s)since\s+(.+)$/i.exec(text);
    return ok({ title: since ? text.slice(0, since.index) : text, ...(since ? { since: since[1] } : {}) });
  },
  build(options, context) {
    const lead = leadingSeverity((options.title ?? '').trim(), context.severityAliases);
    let severity: Severity | undefined;
    if (lead.word) {
      const parsed = parseSeverity(lead.word, context.severityAliases);
      if (!parsed.ok) return fail({ ...parsed.error, usage: USAGE });
      severity = parsed.value;
    }
    const titleText = lead.rest;
    const title = cleanField('title', titleText || DEFAULT_TITLE, LIMITS.title, {
      required: true,
      usage: USAGE,
    });
    if (!title.ok) return title;
    let since = new Date(context.now.getTime() - DEFAULT_LOOKBACK_MS);
    if (options.since?.trim()) {
      const read = parseLeadingTime(options.since.trim(), { now: context.now, timeZone: context.timeZone });
      if (!read.ok) return fail({ ...read.error, usage: USAGE });
      if (!read.value.occurredAt || read.value.rest.trim()) {
        return fail(
          userError(
            'invalid_time',
            `"since ${options.since.trim()}" is not a time: write since HH:MM or since YYYY-MM-DD HH:MM.`,
            USAGE,
          ),
        );
      }
      since = read.value.occurredAt;
    }
    return ok({ severity, title: title.value as string, since });
  },
  async prepare({ services, origin }) {
    const existing = await services.store.findByChannel(origin, origin.channel);
    if (!existing) return ok(services.platforms.get(origin.platform)?.historyPace?.());
    return fail(
      userError(
        'already_an_incident_channel',
        `This channel is already ${incidentLabel(existing.number)}'s channel. Run /incident commands here, or adopt another channel.`,
        USAGE,
      ),
    );
  },
  decide(_state, args, { settings }, pace) {
    const severity = args.severity ?? settings.defaultSeverity;
    return ok({
      events: [
        {
          type: 'declared',
          number: 0,
          title: args.title,
          severity,
          adopted: { since: args.since.toISOString() },
        },
      ],
      // The summary and the read-back are the reaction to `declared`, like a new channel's.
      reply: (ref) =>
        toChannel(
          `${incidentLabel(ref.number)} declared in this channel: ${severity} ${args.title}. ` +
            `Reading back what was said here since ${formatClock(args.since, settings.timezone, true)}…` +
            (pace
              ? ` It comes in slowly: the platform lets tocsin read this history at ${paceText(pace.requestsPerMinute)}, ` +
                'so it keeps reading in the background; the pinned summary shows how far it has got.'
              : ''),
          { incident: ref },
        ),
    });
  },
});
