import { firstStep, manualPlan, planStep } from '../../../paging/escalation-plan.ts';
import { parseTarget, resolveRecipient } from '../../../paging/page-targets.ts';
import { chainId, pageIdOf } from '../../../paging/paging-job-ids.ts';
import { policyFor } from '../../../paging/severity-policy.ts';
import { fail, ok, userError } from '../../errors.ts';
import { cleanField, LIMITS } from '../../text/sanitize-input.ts';
import { defineCommand } from '../command-definition.ts';
import { parseMention } from '../mention.ts';
import { toChannel } from '../reply.ts';
import { splitFirst } from '../text-tokens.ts';

const USAGE = '/incident page <@user|schedule-id> [message]';

interface PageArgs {
  target: string;
  targetName: string;
  targetKind: 'user' | 'schedule';
  message: string | undefined;
}

export const pageCommand = defineCommand<PageArgs>({
  name: 'page',
  summary: 'Page a person or an on-call schedule',
  usage: USAGE,
  examples: ['/incident page @sam need a DBA', '/incident page platform-oncall'],
  options: [
    {
      name: 'target',
      description: 'A user mention, a schedule id (schedule:layer for another layer) or a pager id',
      type: 'string',
      required: true,
    },
    {
      name: 'message',
      description: 'What they should know',
      type: 'string',
      required: false,
      maxLength: 1000,
    },
  ],
  scope: 'incident',
  allowedWhenResolved: false,
  parseText(text) {
    const [target, message] = splitFirst(text);
    return ok({ target, message });
  },
  build(options) {
    const target = (options.target ?? '').trim();
    if (!target)
      return fail(
        userError('missing_field', 'Who should be paged? Mention a person or name a schedule.', USAGE),
      );
    const message = cleanField('page message', options.message, LIMITS.pageMessage, {
      required: false,
      usage: USAGE,
    });
    if (!message.ok) return message;
    const user = parseMention(target);
    if (user)
      return ok({ target: user.id, targetName: user.name, targetKind: 'user', message: message.value });
    return ok({ target, targetName: target, targetKind: 'schedule', message: message.value });
  },
  async run({ args, services, incident, now }) {
    if (!incident) throw new Error('page runs only with an incident');
    const spec =
      args.targetKind === 'user'
        ? { kind: 'user' as const, id: args.target, name: args.targetName }
        : parseTarget(args.target, services.config);
    if (typeof spec === 'string') {
      const ids = services.config.schedules.map((schedule) => schedule.id);
      const pagers = services.config.pagers.map((pager) => pager.id);
      const hint =
        (ids.length > 0 ? ` Known schedules: ${ids.join(', ')}.` : ' No schedules are configured.') +
        (pagers.length > 0 ? ` Pagers: ${pagers.join(', ')}.` : '');
      const what = args.target.includes(':') ? spec : `There is no schedule "${args.target}".${hint}`;
      return fail(userError('unknown_schedule', what, USAGE));
    }
    // The page is the event after the current revision: its chain is named after it.
    const chain = chainId(incident.revision + 1);
    const recipient = resolveRecipient(spec, services.config.schedules, now);
    const plan = manualPlan(policyFor(services.config.severities, incident.severity), spec, services.config);
    const first = plan && firstStep(incident.ref, chain, 'manual', incident.severity, plan);
    // Planned before the page is recorded and reported: a crash in between can only over-page.
    if (first) await planStep(services.jobs, first);
    return ok({
      events: [
        {
          type: 'paged',
          target: recipient.target,
          targetKind: recipient.targetKind,
          pageId: pageIdOf(chain, 0, 0, 0),
          pager: recipient.pager,
          ...(recipient.user === undefined ? {} : { user: recipient.user }),
          ...(recipient.layer === undefined ? {} : { layer: recipient.layer }),
          chain,
          step: 0,
          round: 0,
          ...(args.message === undefined ? {} : { message: args.message }),
        },
      ],
      reply: toChannel(`Paging ${recipient.label}${args.message ? `: ${args.message}` : ''}`),
    });
  },
});
