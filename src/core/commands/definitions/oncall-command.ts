import { fail, ok, userError } from '../../errors.ts';
import { defineCommand } from '../command-definition.ts';
import { ephemeral } from '../reply.ts';

const USAGE = '/incident oncall [schedule]';

export const oncallCommand = defineCommand<{ schedule: string | undefined }>({
  name: 'oncall',
  summary: 'Who is on call now, and who is next',
  usage: USAGE,
  examples: ['/incident oncall', '/incident oncall platform-oncall'],
  options: [
    {
      name: 'schedule',
      description: 'A schedule id (all schedules if left out)',
      type: 'string',
      required: false,
    },
  ],
  kind: 'query',
  scope: 'anywhere',
  allowedWhenResolved: true,
  parseText(text) {
    const schedule = text.trim();
    if (/\s/.test(schedule))
      return fail(userError('unexpected_text', 'Give at most one schedule id.', USAGE));
    return ok({ schedule });
  },
  build(options) {
    return ok({ schedule: options.schedule ? options.schedule.trim() : undefined });
  },
  async answer({ args, now, paging }) {
    const overview = paging.describeOnCall(args.schedule, now);
    if (!overview.ok) return fail({ ...overview.error, usage: USAGE });
    const { title, lines } = overview.value;
    return ok(ephemeral(title, lines.length > 0 ? { lines } : {}));
  },
});
