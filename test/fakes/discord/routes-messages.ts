import { DiscordHttpError, missingAccess, missingPermissions } from './http-errors.ts';
import { checkMessagePayload } from './message-limits.ts';
import { emojiKey } from './message-store.ts';
import type { FakeMessage } from './model-types.ts';
import { has, Perm } from './permissions.ts';
import {
  bodyOf,
  isTextBased,
  isThread,
  limitParam,
  messagePatchFrom,
  newMessageFrom,
  param,
  parseEmoji,
  requireBotPerm,
  viewableChannel,
} from './route-helpers.ts';
import { json, noContent, type RouteContext, type RouteDef } from './router.ts';
import { messageWire, userWire } from './wire.ts';

/** Messages, pins, reactions, typing. */

export const MAX_PINS = 250;

const wire = (ctx: RouteContext, m: FakeMessage) => messageWire(ctx.state, m);

/** The message, after View Channel (50001) and, when `history`, Read Message History (50001) checks. */
function target(ctx: RouteContext, history = true): FakeMessage {
  const channel = viewableChannel(ctx.state, param(ctx, 'channel_id'));
  if (history && !has(ctx.state.botPermissions(channel.id), Perm.ReadMessageHistory)) throw missingAccess();
  return ctx.state.messages.require(channel.id, param(ctx, 'message_id'));
}

function createMessage(ctx: RouteContext) {
  const state = ctx.state;
  const channel = viewableChannel(state, param(ctx, 'channel_id'));
  if (!isTextBased(channel)) throw new DiscordHttpError(400, 50008);
  if (channel.guildId) {
    requireBotPerm(state, channel.id, isThread(channel) ? Perm.SendMessagesInThreads : Perm.SendMessages);
    if (ctx.files.length > 0) requireBotPerm(state, channel.id, Perm.AttachFiles);
  } else if (channel.recipientIds.some((id) => state.users.get(id)?.dmsOpen === false)) {
    throw new DiscordHttpError(403, 50007);
  }
  if (channel.threadMetadata?.locked) throw missingPermissions();
  const body = bodyOf(ctx);
  checkMessagePayload(body, { create: true, fileCount: ctx.files.length });
  const input = newMessageFrom(ctx, body, channel.id, {});
  const refId = input.messageReference?.messageId;
  if (refId && !state.messages.find(input.messageReference?.channelId ?? channel.id, refId)) {
    throw new DiscordHttpError(400, 50035, 'Invalid Form Body', {
      message_reference: {
        _errors: [{ code: 'MESSAGE_REFERENCE_UNKNOWN_MESSAGE', message: 'Unknown message' }],
      },
    });
  }
  if (channel.threadMetadata?.archived)
    state.updateChannel(channel.id, { threadMetadata: { ...channel.threadMetadata, archived: false } });
  return json(wire(ctx, state.messages.create(input)));
}

function editMessage(ctx: RouteContext) {
  const msg = target(ctx, false);
  if (msg.authorId !== ctx.state.ids.botUserId) throw new DiscordHttpError(403, 50005);
  const body = bodyOf(ctx);
  checkMessagePayload(body, { create: false, fileCount: ctx.files.length });
  return json(wire(ctx, ctx.state.messages.edit(msg, messagePatchFrom(ctx, body, msg))));
}

function deleteMessage(ctx: RouteContext) {
  const msg = target(ctx, false);
  if (msg.authorId !== ctx.state.ids.botUserId && msg.guildId)
    requireBotPerm(ctx.state, msg.channelId, Perm.ManageMessages);
  ctx.state.messages.delete(msg);
  return noContent();
}

function setPin(ctx: RouteContext, pinned: boolean) {
  const msg = target(ctx);
  if (msg.guildId) requireBotPerm(ctx.state, msg.channelId, Perm.ManageMessages);
  if (pinned && !msg.pinned && ctx.state.messages.pins(msg.channelId).length >= MAX_PINS) {
    throw new DiscordHttpError(400, 30003, `Maximum number of pins reached (${MAX_PINS})`);
  }
  ctx.state.messages.setPinned(msg, pinned, ctx.state.ids.botUserId);
  return noContent();
}

function listMessages(ctx: RouteContext) {
  const channel = viewableChannel(ctx.state, param(ctx, 'channel_id'));
  // Discord returns an empty list (not an error) without Read Message History.
  if (!has(ctx.state.botPermissions(channel.id), Perm.ReadMessageHistory)) return json([]);
  const page = ctx.state.messages.page(channel.id, {
    before: ctx.query.get('before'),
    after: ctx.query.get('after'),
    around: ctx.query.get('around'),
    limit: limitParam(ctx, 50, 100),
  });
  return json(page.map((m) => wire(ctx, m)));
}

function addOwnReaction(ctx: RouteContext) {
  const msg = target(ctx);
  const emoji = parseEmoji(param(ctx, 'emoji'));
  if (msg.guildId && !msg.reactions.has(emojiKey(emoji)))
    requireBotPerm(ctx.state, msg.channelId, Perm.AddReactions);
  ctx.state.messages.addReaction(msg, ctx.state.ids.botUserId, emoji);
  return noContent();
}

function removeReaction(ctx: RouteContext) {
  const msg = target(ctx);
  const emoji = parseEmoji(param(ctx, 'emoji'));
  const userId = param(ctx, 'user_id') || '@me';
  const botId = ctx.state.ids.botUserId;
  if (userId !== '@me' && userId !== botId && msg.guildId)
    requireBotPerm(ctx.state, msg.channelId, Perm.ManageMessages);
  ctx.state.messages.removeReaction(msg, userId === '@me' ? botId : userId, emoji);
  return noContent();
}

function clearReactions(ctx: RouteContext) {
  const msg = target(ctx);
  if (msg.guildId) requireBotPerm(ctx.state, msg.channelId, Perm.ManageMessages);
  const only = ctx.params.emoji ? emojiKey(parseEmoji(param(ctx, 'emoji'))) : null;
  for (const [key, reaction] of [...msg.reactions]) {
    if (only && key !== only) continue;
    for (const userId of [...reaction.userIds])
      ctx.state.messages.removeReaction(msg, userId, reaction.emoji);
  }
  return noContent();
}

const base = '/channels/:channel_id/messages';
export const messageRoutes: RouteDef[] = [
  { method: 'GET', pattern: base, handler: listMessages },
  { method: 'POST', pattern: base, handler: createMessage },
  { method: 'GET', pattern: `${base}/:message_id`, handler: (ctx) => json(wire(ctx, target(ctx))) },
  { method: 'PATCH', pattern: `${base}/:message_id`, handler: editMessage },
  { method: 'DELETE', pattern: `${base}/:message_id`, handler: deleteMessage },
  {
    method: 'POST',
    pattern: `${base}/bulk-delete`,
    handler: (ctx) => {
      const channel = viewableChannel(ctx.state, param(ctx, 'channel_id'));
      requireBotPerm(ctx.state, channel.id, Perm.ManageMessages);
      const ids = bodyOf(ctx).messages;
      for (const id of Array.isArray(ids) ? ids : []) {
        const msg = ctx.state.messages.find(channel.id, String(id));
        if (msg) ctx.state.messages.delete(msg);
      }
      return noContent();
    },
  },
  { method: 'PUT', pattern: '/channels/:channel_id/pins/:message_id', handler: (ctx) => setPin(ctx, true) },
  {
    method: 'DELETE',
    pattern: '/channels/:channel_id/pins/:message_id',
    handler: (ctx) => setPin(ctx, false),
  },
  { method: 'PUT', pattern: `${base}/pins/:message_id`, handler: (ctx) => setPin(ctx, true) },
  { method: 'DELETE', pattern: `${base}/pins/:message_id`, handler: (ctx) => setPin(ctx, false) },
  {
    method: 'GET',
    pattern: '/channels/:channel_id/pins',
    handler: (ctx) => {
      const channel = viewableChannel(ctx.state, param(ctx, 'channel_id'));
      return json(ctx.state.messages.pins(channel.id).map((m) => wire(ctx, m)));
    },
  },
  {
    method: 'GET',
    pattern: `${base}/pins`,
    handler: (ctx) => {
      const channel = viewableChannel(ctx.state, param(ctx, 'channel_id'));
      const before = ctx.query.get('before');
      const all = ctx.state.messages.pins(channel.id).filter((m) => !before || (m.pinnedAt ?? '') < before);
      const limit = limitParam(ctx, 50, 50);
      const items = all.slice(0, limit).map((m) => ({ pinned_at: m.pinnedAt, message: wire(ctx, m) }));
      return json({ items, has_more: all.length > limit });
    },
  },
  { method: 'PUT', pattern: `${base}/:message_id/reactions/:emoji/@me`, handler: addOwnReaction },
  { method: 'DELETE', pattern: `${base}/:message_id/reactions/:emoji/@me`, handler: removeReaction },
  { method: 'DELETE', pattern: `${base}/:message_id/reactions/:emoji/:user_id`, handler: removeReaction },
  { method: 'DELETE', pattern: `${base}/:message_id/reactions/:emoji`, handler: clearReactions },
  { method: 'DELETE', pattern: `${base}/:message_id/reactions`, handler: clearReactions },
  {
    method: 'GET',
    pattern: `${base}/:message_id/reactions/:emoji`,
    handler: (ctx) => {
      const msg = target(ctx);
      const reaction = msg.reactions.get(emojiKey(parseEmoji(param(ctx, 'emoji'))));
      const users = [...(reaction?.userIds ?? [])].flatMap((id) => {
        const u = ctx.state.users.get(id);
        return u ? [userWire(u)] : [];
      });
      return json(users);
    },
  },
  {
    method: 'POST',
    pattern: '/channels/:channel_id/typing',
    handler: (ctx) => {
      viewableChannel(ctx.state, param(ctx, 'channel_id'));
      return noContent();
    },
  },
];
