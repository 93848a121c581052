import { fail, ok, userError } from '../../errors.ts';
import { type Actor, ROLES, type Role } from '../../model/events.ts';
import { defineCommand } from '../command-definition.ts';
import { parseMention } from '../mention.ts';
import { toChannel } from '../reply.ts';
import { splitFirst } from '../text-tokens.ts';

const USAGE = '/incident role <commander|comms|scribe> <@user>';

export const roleCommand = defineCommand<{ role: Role; user: Actor }>({
  name: 'role',
  summary: 'Assign a role',
  usage: USAGE,
  examples: ['/incident role commander @dana'],
  options: [
    { name: 'role', description: 'The role to assign', type: 'string', required: true, choices: ROLES },
    { name: 'user', description: 'Who takes it', type: 'user', required: true },
  ],
  kind: 'write',
  permission: 'role',
  scope: 'incident',
  allowedWhenResolved: true,
  parseText(text) {
    const [role, rest] = splitFirst(text);
    const [user, extra] = splitFirst(rest);
    if (extra) {
      return fail(userError('unexpected_text', `Unexpected text after the user: "${extra}".`, USAGE));
    }
    return ok({ role, user });
  },
  build(options) {
    const role = (options.role ?? '').toLowerCase();
    if (!ROLES.includes(role as Role)) {
      const what = role ? `"${options.role}" is not a role.` : 'The role is missing.';
      return fail(userError('invalid_role', `${what} Use commander, comms or scribe.`, USAGE));
    }
    const user = parseMention(options.user ?? '');
    if (!user) {
      return fail(userError('invalid_user', 'Mention the person who takes the role, e.g. @dana.', USAGE));
    }
    return ok({ role: role as Role, user });
  },
  decide(incident, args) {
    if (incident?.roles[args.role]?.id === args.user.id) {
      return fail(userError('no_change', `${args.user.name} is already ${args.role}.`));
    }
    return ok({
      events: [{ type: 'role_assigned', role: args.role, user: args.user }],
      reply: toChannel(`${args.user.name} is now ${args.role}.`),
    });
  },
});
