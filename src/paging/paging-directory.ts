import type { AppConfig } from '../config/config-schema.ts';
import { fail, ok, userError } from '../core/errors.ts';
import type { PagingDirectory } from '../core/policy/paging-directory.ts';
import { formatClock } from '../core/time/format-time.ts';
import { nextOnCall, whoIsOnCall } from './oncall-schedule.ts';
import { parseTarget, resolveRecipient } from './page-targets.ts';
import type { Schedule } from './schedule-schema.ts';
import { policyFor } from './severity-policy.ts';

/** The PagingDirectory port of the core, answered from the config's severities, pagers and schedules. */
export function createPagingDirectory(config: AppConfig): PagingDirectory {
  return {
    updateIntervalMs: (severity) => policyFor(config.severities, severity).updateIntervalMs,
    resolvePageTarget(target, now) {
      const spec = target.kind === 'user' ? target : parseTarget(target.text, config);
      if (typeof spec === 'string') {
        const text = target.kind === 'named' ? target.text : target.id;
        const ids = config.schedules.map((schedule) => schedule.id);
        const pagers = config.pagers.map((pager) => pager.id);
        const hint =
          (ids.length > 0 ? ` Known schedules: ${ids.join(', ')}.` : ' No schedules are configured.') +
          (pagers.length > 0 ? ` Pagers: ${pagers.join(', ')}.` : '');
        const what = text.includes(':') ? spec : `There is no schedule "${text}".${hint}`;
        return fail(userError('unknown_schedule', what));
      }
      return ok(resolveRecipient(spec, config.schedules, now));
    },
    describeOnCall(scheduleId, now) {
      const { schedules } = config;
      if (schedules.length === 0) {
        return ok({
          title: 'No on-call schedules are configured (add them under schedules: in the config).',
          lines: [],
        });
      }
      if (scheduleId === undefined) {
        return ok({
          title: `On call now (${schedules.length} schedule${schedules.length === 1 ? '' : 's'}):`,
          lines: schedules.flatMap((schedule) => describeSchedule(schedule, now)),
        });
      }
      const schedule = schedules.find((candidate) => candidate.id === scheduleId);
      if (!schedule) {
        const ids = schedules.map((candidate) => candidate.id).join(', ');
        return fail(
          userError('unknown_schedule', `There is no schedule "${scheduleId}". Schedules: ${ids}.`),
        );
      }
      return ok({
        title: `On call in ${schedule.id} (${schedule.timezone}):`,
        lines: describeSchedule(schedule, now),
      });
    },
  };
}

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
