import { DiscordHttpError, FormErrorCollector, missingAccess } from './http-errors.ts';
import { bodyOf, isObj, type Obj, param } from './route-helpers.ts';
import { json, noContent, type RouteContext, type RouteDef } from './router.ts';
import { channelWire, userWire } from './wire.ts';

/** Gateway discovery, the bot's user and application, application commands, DMs. */

const NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

function requireApp(ctx: RouteContext): void {
  if (param(ctx, 'application_id') !== ctx.state.ids.applicationId) throw new DiscordHttpError(404, 10002);
}

function scope(ctx: RouteContext): string | null {
  requireApp(ctx);
  const guildId = ctx.params.guild_id;
  if (guildId === undefined) return null;
  if (guildId !== ctx.state.guild.id) throw missingAccess();
  return guildId;
}

/** Name/description/options rules Discord enforces on commands (approximate error codes; see README). */
function checkCommand(errors: FormErrorCollector, cmd: Obj, path: (string | number)[]): void {
  const type = typeof cmd.type === 'number' ? cmd.type : 1;
  const name = typeof cmd.name === 'string' ? cmd.name : '';
  if (!name) errors.add([...path, 'name'], 'BASE_TYPE_REQUIRED', 'This field is required');
  else if (type === 1 && (!NAME.test(name) || name !== name.toLowerCase())) {
    errors.add([...path, 'name'], 'APPLICATION_COMMAND_INVALID_NAME', 'Command name is invalid');
  }
  const description = typeof cmd.description === 'string' ? cmd.description : '';
  if (type === 1 && (description.length < 1 || description.length > 100)) {
    errors.add([...path, 'description'], 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 100 in length.');
  }
  const options = Array.isArray(cmd.options) ? cmd.options.filter(isObj) : [];
  if (options.length > 25) errors.maxLength([...path, 'options'], 25);
  for (const [i, opt] of options.entries())
    checkCommand(errors, { ...opt, type: 1 }, [...path, 'options', i]);
}

function checkBulk(bodies: Obj[]): void {
  const errors = new FormErrorCollector();
  for (const [i, cmd] of bodies.entries()) checkCommand(errors, cmd, [i]);
  const names = bodies.map((c) => `${c.type ?? 1}:${String(c.name)}`);
  if (new Set(names).size !== names.length) {
    errors.add([], 'APPLICATION_COMMANDS_DUPLICATE_NAME', 'Application command names must be unique');
  }
  errors.throwIfAny();
}

export const appRoutes: RouteDef[] = [
  {
    method: 'GET',
    pattern: '/gateway',
    auth: false,
    handler: (ctx) => json({ url: `${ctx.origin.replace(/^http/, 'ws')}/gateway` }),
  },
  {
    method: 'GET',
    pattern: '/gateway/bot',
    handler: (ctx) =>
      json({
        url: `${ctx.origin.replace(/^http/, 'ws')}/gateway`,
        shards: ctx.state.gatewayShards,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 },
      }),
  },
  {
    method: 'GET',
    pattern: '/users/@me',
    handler: (ctx) =>
      json({ ...userWire(ctx.state.botUser), verified: true, mfa_enabled: false, locale: 'en-US' }),
  },
  {
    method: 'GET',
    pattern: '/users/:user_id',
    handler: (ctx) => json(userWire(ctx.state.requireUser(param(ctx, 'user_id')))),
  },
  {
    method: 'GET',
    pattern: '/applications/@me',
    handler: (ctx) => {
      const owner = ctx.state.users.get(ctx.state.guild.ownerId);
      return json({
        id: ctx.state.ids.applicationId,
        name: ctx.state.botUser.username,
        icon: null,
        description: '',
        summary: '',
        type: null,
        bot: userWire(ctx.state.botUser),
        bot_public: false,
        bot_require_code_grant: false,
        verify_key: '0'.repeat(64),
        flags: 0,
        owner: owner ? userWire(owner) : null,
        team: null,
        redirect_uris: [],
        interactions_endpoint_url: null,
        approximate_guild_count: 1,
      });
    },
  },
  {
    method: 'POST',
    pattern: '/users/@me/channels',
    handler: (ctx) => {
      const recipient = bodyOf(ctx).recipient_id;
      if (typeof recipient !== 'string') {
        throw new DiscordHttpError(400, 50035, 'Invalid Form Body', {
          recipient_id: { _errors: [{ code: 'BASE_TYPE_REQUIRED', message: 'This field is required' }] },
        });
      }
      return json(channelWire(ctx.state, ctx.state.openDm(recipient)));
    },
  },
  ...commandRoutes('/applications/:application_id/commands'),
  ...commandRoutes('/applications/:application_id/guilds/:guild_id/commands'),
];

function commandRoutes(base: string): RouteDef[] {
  const find = (ctx: RouteContext) => {
    const cmd = ctx.state.commands.list(scope(ctx)).find((c) => c.id === param(ctx, 'command_id'));
    if (!cmd) throw new DiscordHttpError(404, 10063);
    return cmd;
  };
  return [
    {
      method: 'GET',
      pattern: base,
      handler: (ctx) => json(ctx.state.commands.list(scope(ctx)).map((c) => ctx.state.commands.wire(c))),
    },
    {
      method: 'PUT',
      pattern: base,
      handler: (ctx) => {
        const guildId = scope(ctx);
        const bodies = Array.isArray(ctx.body) ? ctx.body.filter(isObj) : [];
        checkBulk(bodies);
        return json(ctx.state.commands.overwrite(guildId, bodies).map((c) => ctx.state.commands.wire(c)));
      },
    },
    {
      method: 'POST',
      pattern: base,
      handler: (ctx) => {
        const guildId = scope(ctx);
        checkBulk([bodyOf(ctx)]);
        const { command, created } = ctx.state.commands.upsert(guildId, bodyOf(ctx));
        return json(ctx.state.commands.wire(command), created ? 201 : 200);
      },
    },
    {
      method: 'GET',
      pattern: `${base}/:command_id`,
      handler: (ctx) => json(ctx.state.commands.wire(find(ctx))),
    },
    {
      method: 'PATCH',
      pattern: `${base}/:command_id`,
      handler: (ctx) => {
        const cmd = find(ctx);
        const merged = { ...cmd.body, ...bodyOf(ctx) };
        checkBulk([merged]);
        return json(ctx.state.commands.wire(ctx.state.commands.replace(cmd, merged)));
      },
    },
    {
      method: 'DELETE',
      pattern: `${base}/:command_id`,
      handler: (ctx) => {
        ctx.state.commands.remove(scope(ctx), find(ctx).id);
        return noContent();
      },
    },
  ];
}
