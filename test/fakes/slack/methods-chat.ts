import { BLOCK_LIMITS, problemDetails, validateBlocks } from './block-kit-limits.ts';
import {
  isMember,
  requireMember,
  requireNotArchived,
  resolveChannel,
  resolveUser,
} from './channel-access.ts';
import type { FakeWorkspace } from './fake-workspace.ts';
import { bool, fail, json, type MethodContext, type MethodHandler, need, str } from './method-context.ts';
import { botProfile, messageObject } from './wire-shapes.ts';
import type { FakeChannel, FakeMessage } from './workspace-types.ts';

interface Content {
  text: string;
  blocks?: unknown[];
  attachments?: unknown[];
  metadata?: unknown;
}

/** text / blocks / attachments of a chat.* call, checked against Slack's limits. */
function content(ctx: MethodContext): Content {
  const text = str(ctx.params, 'text') ?? '';
  if (text.length > BLOCK_LIMITS.messageText) fail('msg_too_long');
  const out: Content = { text };
  if (ctx.params.blocks !== undefined && ctx.params.blocks !== '') {
    const blocks = json(ctx.params, 'blocks', 'invalid_blocks_format');
    if (!Array.isArray(blocks)) fail('invalid_blocks_format');
    const problems = validateBlocks(blocks);
    if (problems.length > 0) fail('invalid_blocks', problemDetails(problems));
    out.blocks = blocks;
  }
  if (ctx.params.attachments !== undefined && ctx.params.attachments !== '') {
    const attachments = json(ctx.params, 'attachments', 'invalid_attachments');
    if (!Array.isArray(attachments)) fail('invalid_attachments');
    if (attachments.length > BLOCK_LIMITS.attachments) fail('too_many_attachments');
    out.attachments = attachments;
  }
  if (ctx.params.metadata !== undefined)
    out.metadata = json(ctx.params, 'metadata', 'invalid_metadata_format');
  if (!out.text && !out.blocks?.length && !out.attachments?.length) fail('no_text');
  return out;
}

/** The bot may post where it is a member, or in any public channel with chat:write.public. */
function requireCanPost(ctx: MethodContext, channel: FakeChannel): void {
  requireNotArchived(channel);
  const publicOk = ctx.chatWritePublic && !channel.is_private;
  if (!publicOk && !isMember(channel, ctx.workspace.botUser.id)) fail('not_in_channel');
}

function message(ctx: MethodContext, channel: FakeChannel, paramName: string): FakeMessage {
  const ts = need(ctx.params, paramName, 'message_not_found');
  return ctx.workspace.findMessage(channel.id, ts) ?? fail('message_not_found');
}

function isBots(ws: FakeWorkspace, m: FakeMessage): boolean {
  return m.user === ws.botUser.id || m.bot_id === ws.botId;
}

function reactionName(ctx: MethodContext): string {
  const name = need(ctx.params, 'name', 'invalid_name').replace(/^:|:$/g, '');
  if (!/^[a-z0-9_+'-]+$/.test(name)) fail('invalid_name');
  return name;
}

export const chatMethods: Record<string, MethodHandler> = {
  'chat.postMessage': (ctx) => {
    const ws = ctx.workspace;
    const channel = resolveChannel(ctx, 'channel', true);
    requireCanPost(ctx, channel);
    const body = content(ctx);
    const threadTs = str(ctx.params, 'thread_ts');
    if (threadTs && !ws.findMessage(channel.id, threadTs)) fail('thread_not_found');
    const broadcast = threadTs !== undefined && bool(ctx.params, 'reply_broadcast');
    const stored = ws.addMessage(channel.id, {
      ...body,
      user: ws.botUser.id,
      bot_id: ws.botId,
      app_id: ws.appId,
      ...(threadTs ? { thread_ts: threadTs } : {}),
      ...(broadcast ? { subtype: 'thread_broadcast' } : {}),
    });
    return {
      channel: channel.id,
      ts: stored.ts,
      message: { ...messageObject(stored), bot_profile: botProfile(ws) },
    };
  },

  'chat.postEphemeral': (ctx) => {
    const ws = ctx.workspace;
    const channel = resolveChannel(ctx, 'channel', true);
    requireCanPost(ctx, channel);
    const user = resolveUser(ws, str(ctx.params, 'user'));
    if (!isMember(channel, user.id)) fail('user_not_in_channel');
    const body = content(ctx);
    const threadTs = str(ctx.params, 'thread_ts');
    const messageTs = ws.nextTs();
    ws.ephemerals.push({
      channel: channel.id,
      user: user.id,
      message_ts: messageTs,
      text: body.text,
      ...(body.blocks ? { blocks: body.blocks } : {}),
      ...(threadTs ? { thread_ts: threadTs } : {}),
    });
    return { message_ts: messageTs };
  },

  'chat.update': (ctx) => {
    const ws = ctx.workspace;
    const channel = resolveChannel(ctx);
    const target = message(ctx, channel, 'ts');
    if (!isBots(ws, target)) fail('cant_update_message');
    const body = content(ctx);
    target.text = body.text;
    if (body.blocks) target.blocks = body.blocks;
    if (body.attachments) target.attachments = body.attachments;
    if (body.metadata !== undefined) target.metadata = body.metadata;
    target.edited = { user: ws.botUser.id, ts: ws.nextTs() };
    return { channel: channel.id, ts: target.ts, text: target.text, message: messageObject(target) };
  },

  'chat.delete': (ctx) => {
    const ws = ctx.workspace;
    const channel = resolveChannel(ctx);
    const target = message(ctx, channel, 'ts');
    if (!isBots(ws, target)) fail('cant_delete_message');
    const list = ws.messages(channel.id);
    list.splice(list.indexOf(target), 1);
    const parent =
      target.thread_ts && target.thread_ts !== target.ts
        ? ws.findMessage(channel.id, target.thread_ts)
        : undefined;
    if (parent?.reply_count) parent.reply_count -= 1;
    return { channel: channel.id, ts: target.ts };
  },

  'chat.getPermalink': (ctx) => {
    const ws = ctx.workspace;
    const channel = resolveChannel(ctx);
    const target = message(ctx, channel, 'message_ts');
    const base = `https://${ws.team.domain}.slack.com/archives/${channel.id}/p${target.ts.replace('.', '')}`;
    const reply = target.thread_ts && target.thread_ts !== target.ts;
    return {
      channel: channel.id,
      permalink: reply ? `${base}?thread_ts=${target.thread_ts}&cid=${channel.id}` : base,
    };
  },

  'pins.add': (ctx) => {
    const channel = resolveChannel(ctx);
    requireMember(ctx.workspace, channel);
    if (!str(ctx.params, 'timestamp')) fail('no_item_specified');
    const target = message(ctx, channel, 'timestamp');
    if (target.pinned_to?.includes(channel.id)) fail('already_pinned');
    target.pinned_to = [...(target.pinned_to ?? []), channel.id];
    return {};
  },

  'pins.remove': (ctx) => {
    const channel = resolveChannel(ctx);
    const target = message(ctx, channel, 'timestamp');
    if (!target.pinned_to?.includes(channel.id)) fail('not_pinned');
    target.pinned_to = target.pinned_to.filter((c) => c !== channel.id);
    return {};
  },

  'pins.list': (ctx) => {
    const ws = ctx.workspace;
    const channel = resolveChannel(ctx);
    const items = ws.pins(channel.id).map((m) => ({
      type: 'message',
      created: Number(m.ts.split('.')[0]),
      created_by: ws.botUser.id,
      channel: channel.id,
      message: messageObject(m),
    }));
    return { items };
  },

  'reactions.add': (ctx) => {
    const ws = ctx.workspace;
    const channel = resolveChannel(ctx);
    const name = reactionName(ctx);
    const target = message(ctx, channel, 'timestamp');
    target.reactions ??= [];
    const existing = target.reactions.find((r) => r.name === name);
    if (existing?.users.includes(ws.botUser.id)) fail('already_reacted');
    if (existing) {
      existing.users.push(ws.botUser.id);
      existing.count += 1;
    } else {
      if (target.reactions.length >= 23) fail('too_many_emoji');
      target.reactions.push({ name, users: [ws.botUser.id], count: 1 });
    }
    return {};
  },

  'reactions.remove': (ctx) => {
    const ws = ctx.workspace;
    const channel = resolveChannel(ctx);
    const name = reactionName(ctx);
    const target = message(ctx, channel, 'timestamp');
    const existing = target.reactions?.find((r) => r.name === name);
    if (!existing?.users.includes(ws.botUser.id)) fail('no_reaction');
    existing.users = existing.users.filter((u) => u !== ws.botUser.id);
    existing.count -= 1;
    target.reactions = target.reactions?.filter((r) => r.count > 0) ?? [];
    return {};
  },
};
