import {
  channelNameError,
  isMember,
  requireMember,
  requireNotArchived,
  resolveChannel,
  resolveUser,
} from './channel-access.ts';
import {
  bool,
  decodeCursor,
  encodeCursor,
  fail,
  int,
  list,
  type MethodContext,
  type MethodHandler,
  need,
  str,
} from './method-context.ts';
import { channelObject } from './wire-shapes.ts';
import type { FakeChannel } from './workspace-types.ts';

const info = (ctx: MethodContext, c: FakeChannel) => ({ channel: channelObject(ctx.workspace, c) });

function checkNewName(ctx: MethodContext, name: string | undefined, except?: FakeChannel): string {
  const error = channelNameError(name);
  if (error) fail(error);
  const taken = [...ctx.workspace.channels.values()].some((c) => !c.is_im && c.name === name && c !== except);
  if (taken) fail('name_taken');
  return name as string;
}

/** Pages `items` with Slack's opaque cursor ("team:<id>", base64). */
function page<T extends { id: string }>(ctx: MethodContext, items: T[], max: number) {
  const limit = Math.min(Math.max(int(ctx.params, 'limit', 100), 1), max);
  const after = decodeCursor(str(ctx.params, 'cursor'), 'team');
  const start = after === undefined ? 0 : items.findIndex((i) => i.id === after) + 1;
  const slice = items.slice(start, start + limit);
  const last = slice.at(-1);
  const more = start + limit < items.length && last !== undefined;
  return { slice, next_cursor: more ? encodeCursor('team', last.id) : '' };
}

export const conversationMethods: Record<string, MethodHandler> = {
  'conversations.create': (ctx) => {
    const name = checkNewName(ctx, str(ctx.params, 'name'));
    const ws = ctx.workspace;
    const channel = ws.addChannel({
      name,
      is_private: bool(ctx.params, 'is_private'),
      members: [ws.botUser.id],
    });
    return info(ctx, channel);
  },

  'conversations.invite': (ctx) => {
    const ws = ctx.workspace;
    const channel = resolveChannel(ctx);
    if (channel.is_im) fail('method_not_supported_for_channel_type');
    requireNotArchived(channel);
    requireMember(ws, channel);
    const users = list(ctx.params, 'users');
    if (users.length === 0) fail('no_user');
    if (users.length > 1000) fail('too_many_users');
    const errors: { user: string; ok: false; error: string }[] = [];
    const toAdd: string[] = [];
    for (const id of users) {
      const user = ws.users.get(id);
      const error =
        !user || user.deleted
          ? 'user_not_found'
          : id === ws.botUser.id
            ? 'cant_invite_self'
            : isMember(channel, id)
              ? 'already_in_channel'
              : undefined;
      if (error) errors.push({ user: id, ok: false, error });
      else toAdd.push(id);
    }
    const first = errors[0];
    if (first && !bool(ctx.params, 'force')) fail(first.error, { errors });
    channel.members.push(...toAdd);
    return { ...info(ctx, channel), ...(errors.length ? { errors } : {}) };
  },

  'conversations.join': (ctx) => {
    const ws = ctx.workspace;
    const channel = resolveChannel(ctx);
    if (channel.is_private) fail('method_not_supported_for_channel_type');
    requireNotArchived(channel);
    if (isMember(channel, ws.botUser.id)) {
      return {
        ...info(ctx, channel),
        warning: 'already_in_channel',
        response_metadata: { warnings: ['already_in_channel'] },
      };
    }
    channel.members.push(ws.botUser.id);
    return info(ctx, channel);
  },

  'conversations.info': (ctx) => {
    const channel = resolveChannel(ctx);
    return { channel: channelObject(ctx.workspace, channel, bool(ctx.params, 'include_num_members')) };
  },

  'conversations.list': (ctx) => {
    const ws = ctx.workspace;
    const types = list(ctx.params, 'types');
    const wanted = new Set(types.length ? types : ['public_channel']);
    const excludeArchived = bool(ctx.params, 'exclude_archived');
    const visible = [...ws.channels.values()].filter((c) => {
      if (excludeArchived && c.is_archived) return false;
      if (c.is_im) return wanted.has('im') && isMember(c, ws.botUser.id);
      if (c.is_private) return wanted.has('private_channel') && isMember(c, ws.botUser.id);
      return wanted.has('public_channel');
    });
    const { slice, next_cursor } = page(ctx, visible, 1000);
    return { channels: slice.map((c) => channelObject(ws, c)), response_metadata: { next_cursor } };
  },

  'conversations.members': (ctx) => {
    const channel = resolveChannel(ctx);
    const { slice, next_cursor } = page(
      ctx,
      channel.members.map((id) => ({ id })),
      1000,
    );
    return { members: slice.map((m) => m.id), response_metadata: { next_cursor } };
  },

  'conversations.open': (ctx) => {
    const ws = ctx.workspace;
    const users = list(ctx.params, 'users');
    if (str(ctx.params, 'channel')) return { channel: { id: resolveChannel(ctx).id } };
    if (users.length !== 1)
      fail(users.length === 0 ? 'users_list_not_supplied' : 'method_not_supported_for_channel_type');
    const user = resolveUser(ws, users[0]);
    const im = ws.openIm(user.id);
    return { channel: bool(ctx.params, 'return_im') ? channelObject(ws, im) : { id: im.id } };
  },

  'conversations.kick': (ctx) => {
    const ws = ctx.workspace;
    const channel = resolveChannel(ctx);
    const user = need(ctx.params, 'user', 'user_not_found');
    if (user === ws.botUser.id) fail('cant_kick_self');
    requireMember(ws, channel);
    if (!isMember(channel, user)) fail('not_in_channel');
    channel.members = channel.members.filter((m) => m !== user);
    return {};
  },

  'conversations.archive': (ctx) => {
    const channel = resolveChannel(ctx);
    if (channel.is_archived) fail('already_archived');
    if (channel.name === 'general') fail('cant_archive_general');
    requireMember(ctx.workspace, channel);
    channel.is_archived = true;
    return {};
  },

  'conversations.unarchive': (ctx) => {
    const channel = resolveChannel(ctx);
    if (!channel.is_archived) fail('not_archived');
    channel.is_archived = false;
    return {};
  },

  'conversations.rename': (ctx) => {
    const channel = resolveChannel(ctx);
    requireNotArchived(channel);
    requireMember(ctx.workspace, channel);
    channel.name = checkNewName(ctx, str(ctx.params, 'name'), channel);
    return info(ctx, channel);
  },

  'conversations.setTopic': (ctx) => {
    const channel = resolveChannel(ctx);
    requireNotArchived(channel);
    requireMember(ctx.workspace, channel);
    const topic = str(ctx.params, 'topic') ?? '';
    if (topic.length > 250) fail('too_long');
    channel.topic = topic;
    return info(ctx, channel);
  },

  'conversations.setPurpose': (ctx) => {
    const channel = resolveChannel(ctx);
    requireNotArchived(channel);
    requireMember(ctx.workspace, channel);
    const purpose = str(ctx.params, 'purpose') ?? '';
    if (purpose.length > 250) fail('too_long');
    channel.purpose = purpose;
    return info(ctx, channel);
  },
};
