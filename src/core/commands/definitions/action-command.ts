import { fail, ok, userError } from '../../errors.ts';
import {
  type Actor,
  PRIORITIES,
  type Priority,
  TICKET_SYSTEM_NAMES,
  type TicketSystem,
} from '../../model/events.ts';
import type { IncidentState } from '../../model/incident-state.ts';
import { cleanField, LIMITS } from '../../text/sanitize-input.ts';
import { dayjs } from '../../time/dayjs.ts';
import { type DecideContext, defineCommand, type RawOptions } from '../command-definition.ts';
import { parseMention } from '../mention.ts';
import { toChannel } from '../reply.ts';

const USAGE =
  '/incident action <text> [@owner] [due YYYY-MM-DD] [priority high|medium|low] | /incident action done|reopen <n>';
const EXPORT_USAGE = '/incident action export <n> github|jira';

type ActionArgs =
  | { kind: 'add'; text: string; owner: Actor | undefined; due: string | undefined; priority: Priority }
  | { kind: 'done' | 'reopen'; itemId: string }
  | { kind: 'export'; itemId: string; system: TicketSystem };

/** `done 2`, `done A2`, `reopen #2`: the same words typed, or put in Discord's text option. */
const CHANGE = /^(done|reopen)\s+#?a?(\d+)$/i;
const EXPORT = /^export\s+#?a?(\d+)\s+(github|jira)$/i;

/** Peels the optional parts off the end, in any order, so the text itself stays free-form. */
function parseActionText(text: string): RawOptions {
  const options: RawOptions = {};
  let rest = text.trim();
  for (;;) {
    const due = /\s+due\s+(\S+)$/i.exec(rest);
    if (due && options.due === undefined) {
      options.due = due[1];
      rest = rest.slice(0, due.index);
      continue;
    }
    const priority = /\s+priority\s+(\S+)$/i.exec(rest);
    if (priority && options.priority === undefined) {
      options.priority = priority[1];
      rest = rest.slice(0, priority.index);
      continue;
    }
    const owner = /\s+(<@[^>]+>|@[A-Za-z0-9._-]+)$/.exec(rest);
    if (owner && options.owner === undefined) {
      options.owner = owner[1];
      rest = rest.slice(0, owner.index);
      continue;
    }
    break;
  }
  options.text = rest;
  return options;
}

export const actionCommand = defineCommand<ActionArgs>({
  name: 'action',
  summary: 'Record an action item, mark one done (or open again), or export it as a ticket',
  usage: USAGE,
  examples: [
    '/incident action add alert on 502 rate @sam due 2025-12-01 priority high',
    '/incident action done 1',
    '/incident action export 1 github',
  ],
  options: [
    { name: 'text', description: 'What must be done', type: 'string', required: true, maxLength: 500 },
    { name: 'owner', description: 'Who owns it', type: 'user', required: false },
    { name: 'due', description: 'Due date, YYYY-MM-DD', type: 'string', required: false },
    { name: 'priority', description: 'How urgent', type: 'string', required: false, choices: PRIORITIES },
  ],
  kind: 'write',
  scope: 'incident',
  allowedWhenResolved: true,
  parseText(text) {
    return ok(parseActionText(text));
  },
  build(options) {
    const exported = EXPORT.exec((options.text ?? '').trim());
    if (exported && !options.owner && !options.due && !options.priority) {
      return ok({
        kind: 'export',
        itemId: `A${Number(exported[1])}`,
        system: (exported[2] as string).toLowerCase() as TicketSystem,
      });
    }
    const change = CHANGE.exec((options.text ?? '').trim());
    if (change && !options.owner && !options.due && !options.priority) {
      return ok({
        kind: (change[1] as string).toLowerCase() as 'done' | 'reopen',
        itemId: `A${Number(change[2])}`,
      });
    }
    const text = cleanField('action text', options.text, LIMITS.actionText, { required: true, usage: USAGE });
    if (!text.ok) return text;
    let owner: Actor | undefined;
    if (options.owner) {
      owner = parseMention(options.owner);
      if (!owner) return fail(userError('invalid_user', `"${options.owner}" is not a user mention.`, USAGE));
    }
    if (options.due !== undefined && !dayjs(options.due, 'YYYY-MM-DD', true).isValid()) {
      return fail(
        userError('invalid_date', `"${options.due}" is not a date. Write the due date as YYYY-MM-DD.`, USAGE),
      );
    }
    const priority = (options.priority ?? 'medium').toLowerCase();
    if (!PRIORITIES.includes(priority as Priority)) {
      return fail(
        userError(
          'invalid_priority',
          `"${options.priority}" is not a priority. Use high, medium or low.`,
          USAGE,
        ),
      );
    }
    return ok({
      kind: 'add',
      text: text.value as string,
      owner,
      due: options.due,
      priority: priority as Priority,
    });
  },
  decide(incident, args, context) {
    if (args.kind === 'export') return exportItem(incident, args.itemId, args.system, context);
    if (args.kind !== 'add') return changeItem(incident, args.kind, args.itemId);
    const itemId = `A${(incident?.actionItems.length ?? 0) + 1}`;
    const owner = args.owner ? `, owner ${args.owner.name}` : '';
    const due = args.due ? `, due ${args.due}` : '';
    return ok({
      events: [
        {
          type: 'action_item_added',
          itemId,
          text: args.text,
          priority: args.priority,
          ...(args.owner === undefined ? {} : { owner: args.owner }),
          ...(args.due === undefined ? {} : { due: args.due }),
        },
      ],
      reply: toChannel(`Action item ${itemId} (${args.priority}${owner}${due}): ${args.text}`),
    });
  },
});

function findItem(incident: IncidentState | undefined, itemId: string) {
  const items = incident?.actionItems ?? [];
  const item = items.find((candidate) => candidate.itemId === itemId);
  if (item) return ok(item);
  const known =
    items.length === 0
      ? 'This incident has no action items yet.'
      : `Its action items are A1 to A${items.length}.`;
  return fail(userError('no_such_action_item', `There is no action item ${itemId}. ${known}`, USAGE));
}

/** The ticket itself is created by a job (src/follow-ups/): this records the request it runs from. */
function exportItem(
  incident: IncidentState | undefined,
  itemId: string,
  system: TicketSystem,
  context: DecideContext,
) {
  const found = findItem(incident, itemId);
  if (!found.ok) return found;
  const name = TICKET_SYSTEM_NAMES[system];
  if (!(context.settings.ticketSystems ?? []).includes(system)) {
    return fail(
      userError(
        'ticket_system_not_configured',
        `${name} is not configured: add follow_ups.${system} to the config (see the README, "Follow-ups and status page").`,
        EXPORT_USAGE,
      ),
    );
  }
  const ticket = found.value.tickets?.find((candidate) => candidate.system === system);
  if (ticket) {
    return fail(
      userError(
        'already_exported',
        `Action item ${itemId} is already ${name} ticket ${ticket.key}: ${ticket.url}`,
        EXPORT_USAGE,
      ),
    );
  }
  return ok({
    events: [{ type: 'follow_up_requested' as const, itemId, system }],
    reply: toChannel(`Exporting action item ${itemId} to ${name}: ${found.value.text}`),
  });
}

function changeItem(incident: IncidentState | undefined, kind: 'done' | 'reopen', itemId: string) {
  const found = findItem(incident, itemId);
  if (!found.ok) return found;
  const item = found.value;
  if (kind === 'done' && item.done) {
    return fail(
      userError(
        'already_done',
        `Action item ${itemId} is already done. To open it again: /incident action reopen ${itemId.slice(1)}.`,
        USAGE,
      ),
    );
  }
  if (kind === 'reopen' && !item.done) {
    return fail(userError('not_done', `Action item ${itemId} is open; there is nothing to reopen.`, USAGE));
  }
  return ok({
    events: [{ type: kind === 'done' ? ('action_done' as const) : ('action_reopened' as const), itemId }],
    reply: toChannel(`Action item ${itemId} ${kind === 'done' ? 'done' : 'open again'}: ${item.text}`),
  });
}
