import type { FakeDiscordState } from './fake-discord-state.ts';
import { DiscordHttpError, FormErrorCollector, missingPermissions } from './http-errors.ts';
import type { FakeChannel, FakeOverwrite } from './model-types.ts';
import { has, Perm } from './permissions.ts';
import {
  bodyOf,
  isObj,
  isThread,
  type Obj,
  param,
  requireBotPerm,
  viewableChannel,
} from './route-helpers.ts';
import { json, noContent, type RouteContext, type RouteDef } from './router.ts';
import { channelWire, guildWire, memberWire, roleWire } from './wire.ts';

/** Guild, channel and thread endpoints. */

const CREATABLE_TYPES = new Set([0, 2, 4, 5, 13, 15, 16]);
const MAX_GUILD_CHANNELS = 500;
const MAX_CATEGORY_CHANNELS = 50;

function requireGuild(ctx: RouteContext): void {
  if (param(ctx, 'guild_id') !== ctx.state.guild.id) throw new DiscordHttpError(404, 10004);
}

/** Text-like channel names are lower-cased with whitespace turned into dashes, as Discord does. */
export function normalizeChannelName(name: string, type: number): string {
  if (type !== 0 && type !== 5 && type !== 15 && type !== 16) return name;
  return name.trim().toLowerCase().replace(/\s+/g, '-');
}

function checkName(errors: FormErrorCollector, name: unknown, required: boolean): void {
  if (name === undefined && !required) return;
  const s = typeof name === 'string' ? name : '';
  if (s.length < 1 || s.length > 100)
    errors.add(['name'], 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 100 in length.');
}

function checkParent(
  state: FakeDiscordState,
  errors: FormErrorCollector,
  parentId: unknown,
  type: number,
): void {
  if (parentId === undefined || parentId === null) return;
  const parent = typeof parentId === 'string' ? state.channels.get(parentId) : undefined;
  if (parent?.type !== 4 || type === 4) {
    errors.add(['parent_id'], 'CHANNEL_PARENT_INVALID_TYPE', 'Not a category');
    return;
  }
  const children = [...state.channels.values()].filter((c) => c.parentId === parent.id && !isThread(c));
  if (children.length >= MAX_CATEGORY_CHANNELS) {
    errors.add(
      ['parent_id'],
      'CHANNEL_PARENT_MAX_CHANNELS',
      `Maximum number of channels in category reached (${MAX_CATEGORY_CHANNELS})`,
    );
  }
}

/** Overwrites from a body; the bot may only allow/deny permissions it has itself (else 50013). */
function overwritesFrom(state: FakeDiscordState, raw: unknown): FakeOverwrite[] | undefined {
  if (!Array.isArray(raw)) return undefined;
  const mine = state.botPermissions();
  return raw.filter(isObj).map((o) => {
    const allow = BigInt(String(o.allow ?? '0'));
    const deny = BigInt(String(o.deny ?? '0'));
    if (!has(mine, Perm.Administrator) && ((allow | deny) & ~mine) !== 0n) throw missingPermissions();
    return { id: String(o.id), type: Number(o.type) === 1 ? 1 : 0, allow, deny };
  });
}

function createChannel(ctx: RouteContext) {
  requireGuild(ctx);
  const state = ctx.state;
  const body = bodyOf(ctx);
  const type = typeof body.type === 'number' ? body.type : 0;
  const parentId = typeof body.parent_id === 'string' ? body.parent_id : null;
  requireBotPerm(state, parentId && state.channels.has(parentId) ? parentId : null, Perm.ManageChannels);
  const errors = new FormErrorCollector();
  checkName(errors, body.name, true);
  if (!CREATABLE_TYPES.has(type))
    errors.add(['type'], 'BASE_TYPE_CHOICES', `Value must be one of ${[...CREATABLE_TYPES]}.`);
  checkParent(state, errors, body.parent_id, type);
  if (typeof body.topic === 'string' && body.topic.length > 1024) errors.maxLength(['topic'], 1024);
  errors.throwIfAny();
  const guildChannels = [...state.channels.values()].filter((c) => c.guildId && !isThread(c));
  if (guildChannels.length >= MAX_GUILD_CHANNELS) throw new DiscordHttpError(400, 30013);
  const overwrites = overwritesFrom(state, body.permission_overwrites);
  const channel = state.addChannel({
    name: normalizeChannelName(String(body.name), type),
    type,
    topic: typeof body.topic === 'string' ? body.topic : null,
    parentId,
    nsfw: body.nsfw === true,
    rateLimitPerUser: typeof body.rate_limit_per_user === 'number' ? body.rate_limit_per_user : 0,
    ...(overwrites ? { permissionOverwrites: overwrites } : {}),
    ...(typeof body.position === 'number' ? { position: body.position } : {}),
  });
  return json(channelWire(state, channel), 201);
}

function modifyChannel(ctx: RouteContext) {
  const state = ctx.state;
  const channel = viewableChannel(state, param(ctx, 'channel_id'));
  const body = bodyOf(ctx);
  const errors = new FormErrorCollector();
  checkName(errors, body.name, false);
  if (isThread(channel)) {
    errors.throwIfAny();
    if (channel.ownerId !== state.ids.botUserId) requireBotPerm(state, channel.id, Perm.ManageThreads);
    const md = channel.threadMetadata!;
    const metadata = {
      ...md,
      ...(typeof body.archived === 'boolean'
        ? { archived: body.archived, archiveTimestamp: state.isoNow() }
        : {}),
      ...(typeof body.locked === 'boolean' ? { locked: body.locked } : {}),
      ...(typeof body.auto_archive_duration === 'number'
        ? { autoArchiveDuration: body.auto_archive_duration }
        : {}),
    };
    const patch: Partial<FakeChannel> = { threadMetadata: metadata };
    if (typeof body.name === 'string') patch.name = body.name;
    return json(channelWire(state, state.updateChannel(channel.id, patch)));
  }
  if (channel.guildId === null) throw missingPermissions();
  requireBotPerm(state, channel.id, Perm.ManageChannels);
  if ('parent_id' in body) checkParent(state, errors, body.parent_id, channel.type);
  if (typeof body.topic === 'string' && body.topic.length > 1024) errors.maxLength(['topic'], 1024);
  errors.throwIfAny();
  const patch: Partial<FakeChannel> = {};
  if (typeof body.name === 'string') patch.name = normalizeChannelName(body.name, channel.type);
  if ('topic' in body) patch.topic = typeof body.topic === 'string' ? body.topic : null;
  if ('parent_id' in body) patch.parentId = typeof body.parent_id === 'string' ? body.parent_id : null;
  if (typeof body.position === 'number') patch.position = body.position;
  if (typeof body.nsfw === 'boolean') patch.nsfw = body.nsfw;
  if (typeof body.rate_limit_per_user === 'number') patch.rateLimitPerUser = body.rate_limit_per_user;
  const overwrites = overwritesFrom(state, body.permission_overwrites);
  if (overwrites) patch.permissionOverwrites = overwrites;
  return json(channelWire(state, state.updateChannel(channel.id, patch)));
}

function threadMetadataFrom(state: FakeDiscordState, body: Obj, type: number) {
  const duration = typeof body.auto_archive_duration === 'number' ? body.auto_archive_duration : 4320;
  return {
    archived: false,
    locked: false,
    autoArchiveDuration: duration,
    archiveTimestamp: state.isoNow(),
    createTimestamp: state.isoNow(),
    invitable: type === 12 ? body.invitable !== false : true,
  };
}

function createThread(ctx: RouteContext, fromMessage: boolean) {
  const state = ctx.state;
  const parent = viewableChannel(state, param(ctx, 'channel_id'));
  const body = bodyOf(ctx);
  const errors = new FormErrorCollector();
  checkName(errors, body.name, true);
  errors.throwIfAny();
  if (parent.type !== 0 && parent.type !== 5)
    throw new DiscordHttpError(400, 50024, 'Cannot execute action on this channel type');
  // Discord's default for threads without a message is a PRIVATE thread (type 12).
  const type = fromMessage ? (parent.type === 5 ? 10 : 11) : typeof body.type === 'number' ? body.type : 12;
  requireBotPerm(state, parent.id, type === 12 ? Perm.CreatePrivateThreads : Perm.CreatePublicThreads);
  const starter = fromMessage ? state.messages.require(parent.id, param(ctx, 'message_id')) : null;
  if (starter?.threadId) throw new DiscordHttpError(400, 160004);
  const thread = state.addChannel({
    ...(starter ? { id: starter.id } : {}),
    name: String(body.name),
    type,
    parentId: parent.id,
    ownerId: state.ids.botUserId,
    rateLimitPerUser: typeof body.rate_limit_per_user === 'number' ? body.rate_limit_per_user : 0,
    threadMetadata: threadMetadataFrom(state, body, type),
  });
  if (starter) {
    starter.threadId = thread.id;
    starter.flags |= 1 << 5;
  }
  return json(channelWire(state, thread), 201);
}

function threadMember(ctx: RouteContext) {
  const channel = viewableChannel(ctx.state, param(ctx, 'channel_id'));
  if (!isThread(channel))
    throw new DiscordHttpError(400, 50024, 'Cannot execute action on this channel type');
  const userId = param(ctx, 'user_id');
  if (userId !== '@me') ctx.state.requireUser(userId);
  return noContent();
}

/** PUT /channels/:id/permissions/:overwrite_id: needs Manage Roles, and only bits the bot has itself. */
function putOverwrite(ctx: RouteContext) {
  const channel = viewableChannel(ctx.state, param(ctx, 'channel_id'));
  requireBotPerm(ctx.state, channel.id, Perm.ManageRoles);
  const body = bodyOf(ctx);
  const [overwrite] = overwritesFrom(ctx.state, [{ ...body, id: param(ctx, 'overwrite_id') }]) ?? [];
  const rest = channel.permissionOverwrites.filter((o) => o.id !== overwrite?.id);
  ctx.state.updateChannel(channel.id, { permissionOverwrites: overwrite ? [...rest, overwrite] : rest });
  return noContent();
}

function deleteOverwrite(ctx: RouteContext) {
  const channel = viewableChannel(ctx.state, param(ctx, 'channel_id'));
  requireBotPerm(ctx.state, channel.id, Perm.ManageRoles);
  const id = param(ctx, 'overwrite_id');
  ctx.state.updateChannel(channel.id, {
    permissionOverwrites: channel.permissionOverwrites.filter((o) => o.id !== id),
  });
  return noContent();
}

function member(ctx: RouteContext) {
  requireGuild(ctx);
  const wire = memberWire(ctx.state, param(ctx, 'user_id'));
  if (!wire) throw new DiscordHttpError(404, 10007, 'Unknown Member');
  return json(wire);
}

export const guildRoutes: RouteDef[] = [
  {
    method: 'GET',
    pattern: '/guilds/:guild_id',
    handler: (ctx) => {
      requireGuild(ctx);
      return json(guildWire(ctx.state));
    },
  },
  {
    method: 'GET',
    pattern: '/guilds/:guild_id/channels',
    handler: (ctx) => {
      requireGuild(ctx);
      const list = [...ctx.state.channels.values()].filter((c) => c.guildId && !isThread(c));
      return json(list.map((c) => channelWire(ctx.state, c)));
    },
  },
  { method: 'POST', pattern: '/guilds/:guild_id/channels', handler: createChannel },
  { method: 'GET', pattern: '/guilds/:guild_id/members/:user_id', handler: member },
  {
    method: 'GET',
    pattern: '/guilds/:guild_id/members',
    handler: (ctx) => {
      requireGuild(ctx);
      const limit = Number(ctx.query.get('limit') ?? 1);
      return json(
        [...ctx.state.members.keys()].slice(0, limit).flatMap((id) => memberWire(ctx.state, id) ?? []),
      );
    },
  },
  {
    method: 'GET',
    pattern: '/guilds/:guild_id/roles',
    handler: (ctx) => {
      requireGuild(ctx);
      return json([...ctx.state.roles.values()].map(roleWire));
    },
  },
  { method: 'PUT', pattern: '/channels/:channel_id/permissions/:overwrite_id', handler: putOverwrite },
  { method: 'DELETE', pattern: '/channels/:channel_id/permissions/:overwrite_id', handler: deleteOverwrite },
  {
    method: 'GET',
    pattern: '/channels/:channel_id',
    handler: (ctx) => json(channelWire(ctx.state, viewableChannel(ctx.state, param(ctx, 'channel_id')))),
  },
  { method: 'PATCH', pattern: '/channels/:channel_id', handler: modifyChannel },
  {
    method: 'DELETE',
    pattern: '/channels/:channel_id',
    handler: (ctx) => {
      const channel = viewableChannel(ctx.state, param(ctx, 'channel_id'));
      if (channel.guildId)
        requireBotPerm(ctx.state, channel.id, isThread(channel) ? Perm.ManageThreads : Perm.ManageChannels);
      return json(channelWire(ctx.state, ctx.state.deleteChannel(channel.id)));
    },
  },
  { method: 'POST', pattern: '/channels/:channel_id/threads', handler: (ctx) => createThread(ctx, false) },
  {
    method: 'POST',
    pattern: '/channels/:channel_id/messages/:message_id/threads',
    handler: (ctx) => createThread(ctx, true),
  },
  { method: 'PUT', pattern: '/channels/:channel_id/thread-members/:user_id', handler: threadMember },
  { method: 'DELETE', pattern: '/channels/:channel_id/thread-members/:user_id', handler: threadMember },
];
