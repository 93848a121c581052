import { nextOnCall, whoIsOnCall } from '../../../paging/oncall-schedule.ts';
import type { Schedule } from '../../../paging/schedule-schema.ts';
import { fail, ok, userError } from '../../errors.ts';
import { formatClock } from '../../time/format-time.ts';
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
  async run({ args, now, services }) {
    const { schedules } = services.config;
    if (schedules.length === 0) {
      return ok({
        reply: ephemeral('No on-call schedules are configured (add them under schedules: in the config).'),
      });
    }
    if (args.schedule === undefined) {
      return ok({
        reply: ephemeral(`On call now (${schedules.length} schedule${schedules.length === 1 ? '' : 's'}):`, {
          lines: schedules.flatMap((schedule) => describeSchedule(schedule, now)),
        }),
      });
    }
    const schedule = schedules.find((candidate) => candidate.id === args.schedule);
    if (!schedule) {
      const ids = schedules.map((candidate) => candidate.id).join(', ');
      return fail(
        userError('unknown_schedule', `There is no schedule "${args.schedule}". Schedules: ${ids}.`, USAGE),
      );
    }
    return ok({
      reply: ephemeral(`On call in ${schedule.id} (${schedule.timezone}):`, {
        lines: describeSchedule(schedule, now),
      }),
    });
  },
});

/** One line per layer: who is on call now and until when, and who takes over. */
function describeSchedule(schedule: Schedule, now: Date): string[] {
  return schedule.layers.map((layer) => {
    const current = whoIsOnCall(schedule, now, layer.name);
    const next = nextOnCall(schedule, now, layer.name);
    const override = current.override ? ' (override)' : '';
    const from =
      current.shiftStart > now ? ` from ${formatClock(current.shiftStart, schedule.timezone, true)}` : '';
    return (
      `${schedule.id} ${layer.name}: @${current.userId}${override}${from} until ` +
      `${formatClock(current.shiftEnd, schedule.timezone, true)}, then @${next.userId}`
    );
  });
}
