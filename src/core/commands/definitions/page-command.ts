import { randomUUID } from 'node:crypto';
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
    { name: 'target', description: 'A user mention or a schedule id', type: 'string', required: true },
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
  async run({ args, services }) {
    if (args.targetKind === 'schedule') {
      const known = services.config.schedules.some((schedule) => schedule.id === args.target);
      if (!known) {
        const ids = services.config.schedules.map((schedule) => String(schedule.id));
        const hint =
          ids.length > 0 ? ` Known schedules: ${ids.join(', ')}.` : ' No schedules are configured.';
        return fail(userError('unknown_schedule', `There is no schedule "${args.target}".${hint}`, USAGE));
      }
    }
    return ok({
      events: [
        {
          type: 'paged',
          target: args.target,
          targetKind: args.targetKind,
          pageId: randomUUID(),
          ...(args.message === undefined ? {} : { message: args.message }),
        },
      ],
      reply: toChannel(`Paging ${args.targetName}${args.message ? `: ${args.message}` : ''}`),
    });
  },
});
