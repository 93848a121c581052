import { fail, ok, userError } from '../../errors.ts';
import { chainId, pageIdOf } from '../../policy/page-ids.ts';
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
  kind: 'write',
  permission: 'page',
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
  decide(incident, args, { now, paging }) {
    if (!incident) throw new Error('page runs only with an incident');
    const target =
      args.targetKind === 'user'
        ? { kind: 'user' as const, id: args.target, name: args.targetName }
        : { kind: 'named' as const, text: args.target };
    const recipient = paging.resolvePageTarget(target, now);
    if (!recipient.ok) return fail({ ...recipient.error, usage: USAGE });
    const { value } = recipient;
    // The page is the event after the current revision: its chain is named after it, and the
    // chain's escalation is planned by the reaction to this event.
    const chain = chainId(incident.revision + 1);
    return ok({
      events: [
        {
          type: 'paged',
          target: value.target,
          targetKind: value.targetKind,
          pageId: pageIdOf(chain, 0, 0, 0),
          ...(value.pager === undefined ? {} : { pager: value.pager }),
          ...(value.user === undefined ? {} : { user: value.user }),
          ...(value.layer === undefined ? {} : { layer: value.layer }),
          ...(args.targetKind === 'user' ? { targetName: args.targetName } : {}),
          chain,
          step: 0,
          round: 0,
          ...(args.message === undefined ? {} : { message: args.message }),
        },
      ],
      reply: toChannel(`Paging ${value.label}${args.message ? `: ${args.message}` : ''}`),
    });
  },
});
