import { fail, ok } from '../../errors.ts';
import { incidentLabel } from '../../model/incident-ref.ts';
import { SEVERITIES, type Severity } from '../../model/severity.ts';
import { leadingSeverity, parseSeverity, type SeverityAliases } from '../../model/severity-words.ts';
import { cleanField, cleanText, LIMITS } from '../../text/sanitize-input.ts';
import { defineCommand, type RawOptions } from '../command-definition.ts';
import { ephemeral, toChannel } from '../reply.ts';
import { splitFirst } from '../text-tokens.ts';

const USAGE = '/incident start [private] [sev1|sev2|sev3|sev4] <title>';

export const startCommand = defineCommand<{
  severity: Severity | undefined;
  title: string;
  description: string | undefined;
  private?: true;
}>({
  name: 'start',
  summary: 'Declare an incident and open its channel',
  usage: USAGE,
  examples: [
    '/incident start sev2 checkout errors',
    '/incident start API returns 502',
    '/incident start private sev1 customer data exposed',
  ],
  options: [
    {
      name: 'severity',
      description: 'How bad it is (sev1 is worst)',
      type: 'string',
      required: false,
      choices: SEVERITIES.map((s) => s.toLowerCase()),
    },
    {
      name: 'title',
      description: 'What is broken, in a few words',
      type: 'string',
      required: true,
      maxLength: 150,
    },
    {
      name: 'private',
      description: 'Only the people in its channel see it (a private channel)',
      type: 'boolean',
      required: false,
    },
  ],
  kind: 'write',
  permission: 'declare',
  scope: 'anywhere',
  allowedWhenResolved: true,
  parseText(text) {
    // `private` leads; which next word is a severity depends on the configured aliases: build decides.
    const [word, afterWord] = splitFirst(text);
    if (word.toLowerCase() === 'private') return ok({ private: 'true', title: afterWord });
    return ok({ title: text });
  },
  build(options, context) {
    const typed = severityAndTitle(options, context.severityAliases);
    let severity: Severity | undefined;
    if (typed.severity !== undefined) {
      const parsed = parseSeverity(typed.severity, context.severityAliases);
      if (!parsed.ok) return fail({ ...parsed.error, usage: USAGE });
      severity = parsed.value;
    }
    const title = cleanField('title', typed.title, LIMITS.title, { required: true, usage: USAGE });
    if (!title.ok) return title;
    // Only forms (Slack's declare modal) send a description; the typed grammar has no room for one.
    const description = cleanField('description', options.description, LIMITS.note, {
      required: false,
      usage: USAGE,
    });
    if (!description.ok) return description;
    const isPrivate = options.private?.trim().toLowerCase() === 'true';
    return ok({
      severity,
      title: title.value as string,
      description: description.value,
      ...(isPrivate ? { private: true as const } : {}),
    });
  },
  decide(_state, args, { actor, settings }) {
    const severity = args.severity ?? settings.defaultSeverity;
    return ok({
      events: [
        {
          type: 'declared',
          number: 0,
          title: args.title,
          severity,
          ...(args.description === undefined ? {} : { description: args.description }),
          ...(args.private ? { private: true as const } : {}),
        },
      ],
      // Its channel is opened by the reaction to `declared`.
      // A private incident is not announced where it was typed: only the declarer reads the reply.
      reply: (ref) =>
        args.private
          ? ephemeral(
              `${incidentLabel(ref.number)} declared privately: ${severity} ${args.title}. Commander: ${actor.name}. Opening its private channel…`,
              { incident: ref },
            )
          : toChannel(
              `${incidentLabel(ref.number)} declared: ${severity} ${args.title}. Commander: ${actor.name}. Opening its channel…`,
              { incident: ref },
            ),
    });
  },
});

/**
 * The severity, given as its own option (Discord, the Slack form) or typed before the title
 * (`SEV 1 db down`, `critical db down`, and on Discord a title typed that way with no severity
 * chosen). A leading word that only looks like a severity (`sev10`) is taken as one, so it is
 * refused rather than opening a SEV3 with it in the title. Cleaned first, so a hidden character
 * inside `sev1` cannot make it part of the title.
 */
function severityAndTitle(
  options: RawOptions,
  aliases: SeverityAliases,
): { severity: string | undefined; title: string | undefined } {
  if (options.severity !== undefined && options.severity.trim() !== '') {
    return { severity: options.severity, title: options.title };
  }
  const lead = leadingSeverity(cleanText(options.title ?? ''), aliases);
  return lead.word
    ? { severity: lead.word, title: lead.rest }
    : { severity: undefined, title: options.title };
}
