import { fail, ok } from '../../errors.ts';
import { cleanField, LIMITS } from '../../text/sanitize-input.ts';
import { formatClock } from '../../time/format-time.ts';
import { checkBackdateLimit, parseLeadingTime } from '../../time/parse-backdate.ts';
import { defineCommand } from '../command-definition.ts';
import { toChannel } from '../reply.ts';

const USAGE = '/incident note [HH:MM[ TZ] | YYYY-MM-DD HH:MM[ TZ]] <text>';

export const noteCommand = defineCommand<{ text: string; occurredAt: Date | undefined }>({
  name: 'note',
  summary: 'Add a note to the timeline, backdated when it starts with a time',
  usage: USAGE,
  examples: ['/incident note rolled back deploy 4411', '/incident note 15:23 CEST first alert fired'],
  options: [
    {
      name: 'text',
      description: 'The note; may begin with a time such as 15:23 or 2025-11-20 15:23 UTC',
      type: 'string',
      required: true,
      maxLength: 4000,
    },
  ],
  kind: 'write',
  scope: 'incident',
  allowedWhenResolved: true,
  parseText(text) {
    return ok({ text });
  },
  build(options, context) {
    const leading = parseLeadingTime((options.text ?? '').trim(), context);
    if (!leading.ok) return fail({ ...leading.error, usage: USAGE });
    const text = cleanField('note', leading.value.rest, LIMITS.note, { required: true, usage: USAGE });
    if (!text.ok) return text;
    return ok({ text: text.value as string, occurredAt: leading.value.occurredAt });
  },
  decide(incident, args, { now, settings }) {
    if (!incident) throw new Error('note runs only with an incident');
    const occurredAt = args.occurredAt ?? now;
    const zone = settings.timezone;
    const tooEarly = checkBackdateLimit(occurredAt, new Date(incident.declaredAt), zone);
    if (tooEarly) return fail({ ...tooEarly, usage: USAGE });
    const when = args.occurredAt ? ` at ${formatClock(occurredAt, zone)}` : '';
    return ok({
      events: [{ type: 'note_added', text: args.text, occurredAt: occurredAt.toISOString() }],
      reply: toChannel(`Noted${when}: ${args.text}`),
    });
  },
});
