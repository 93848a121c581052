import { backfillIncident } from '../../backfill-incident.ts';
import type { PostmortemDraft } from '../../core-services.ts';
import { fail, ok, userError } from '../../errors.ts';
import { incidentLabel } from '../../model/incident-ref.ts';
import { formatClock } from '../../time/format-time.ts';
import { defineCommand } from '../command-definition.ts';
import { toChannel } from '../reply.ts';

const USAGE = '/incident postmortem [template]';

export const postmortemCommand = defineCommand<{ template: string | undefined }, PostmortemDraft>({
  name: 'postmortem',
  summary: 'Write the postmortem draft from everything recorded',
  usage: USAGE,
  examples: ['/incident postmortem', '/incident postmortem sre'],
  options: [
    {
      name: 'template',
      description: 'Template name (sre, report, public, ...)',
      type: 'string',
      required: false,
    },
  ],
  kind: 'write',
  awaitReactions: true,
  scope: 'incident',
  allowedWhenResolved: true,
  parseText(text) {
    const template = text.trim();
    if (/\s/.test(template)) {
      return fail(userError('unexpected_text', 'Give at most one template name.', USAGE));
    }
    return ok({ template });
  },
  build(options) {
    return ok({ template: options.template ? options.template.toLowerCase() : undefined });
  },
  async prepare({ args, incident, services }) {
    if (!incident) throw new Error('postmortem runs only with an incident');
    const names = services.postmortems.templateNames();
    if (args.template !== undefined && !names.includes(args.template)) {
      return fail(
        userError(
          'unknown_template',
          `There is no template "${args.template}". Templates: ${names.join(', ')}.`,
          USAGE,
        ),
      );
    }
    // Whatever was said while the bot was away belongs in the draft too. Rendered once, before the
    // write: a retry after contention records the same draft, and the file is written by the
    // reaction to the recorded event.
    await backfillIncident(services, incident);
    return ok(await services.postmortems.render(incident.ref, args.template));
  },
  decide(incident, _args, { now, settings }, draft) {
    if (!incident) throw new Error('postmortem runs only with an incident');
    const changes = sinceLastDraft(draft, now, settings.timezone);
    return ok({
      events: [
        { type: 'postmortem_generated', template: draft.template, path: draft.path, digest: draft.digest },
      ],
      reply: toChannel(
        `Postmortem draft for ${incidentLabel(incident.number)} (${draft.template}) written to ${draft.path}.${changes}`,
        {
          file: {
            name: draft.path.split('/').pop() ?? 'postmortem.md',
            content: draft.content,
            title: 'Postmortem draft',
          },
        },
      ),
    });
  },
});
/** Regenerating overwrites the draft; the reply says what is new in it. */
function sinceLastDraft(draft: PostmortemDraft, now: Date, timeZone: string): string {
  if (draft.previousAt === undefined) return '';
  const sameDay = draft.previousAt.slice(0, 10) === now.toISOString().slice(0, 10);
  const when = formatClock(draft.previousAt, timeZone, !sameDay);
  if (draft.changes.length === 0) return ` Nothing changed since the last draft (${when}).`;
  return ` Since the last draft (${when}): ${draft.changes.join('; ')}.`;
}
