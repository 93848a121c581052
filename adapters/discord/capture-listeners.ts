import {
  Events,
  type Message,
  type MessageReaction,
  type PartialMessage,
  type PartialMessageReaction,
  type PartialUser,
  type User,
} from 'discord.js';
import type { Actor, InboundContext } from '../../src/core/public-api.ts';
import { actorOf } from './discord-actor.ts';
import { DISCORD_PLATFORM, type DiscordContext } from './discord-context.ts';
import { incidentChannelOf } from './incident-channel.ts';
import { isCapturable, messageFiles, messageText } from './message-content.ts';

export const PIN_EMOJI = '📌';

/** Deleting is anonymous on Discord's gateway; the author stands in when known. */
const UNKNOWN_ACTOR: Actor = { id: 'unknown', name: 'someone' };

/**
 * Hands everything said in incident channels (and threads) to the core: messages with Discord's
 * own timestamp, edits, deletions, and 📌 reactions that promote a message to the timeline.
 * Channels without an incident are dropped by the core; the bot's own messages never get there.
 */
export function attachCapture(ctx: DiscordContext): void {
  const { client, inbound } = ctx;
  let warned = false;
  const warnEmpty = () => {
    if (warned) return;
    warned = true;
    ctx.logger.warn('a message arrived without content: is the MessageContent intent enabled for the bot?');
  };
  client.on(
    Events.MessageCreate,
    (message) => void inbound.run('message', () => onMessage(ctx, message, warnEmpty)),
  );
  client.on(Events.MessageUpdate, (_old, message) => {
    void inbound.run('edit', () => onEdit(ctx, message));
  });
  client.on(Events.MessageDelete, (message) => {
    void inbound.run('delete', () => onDelete(ctx, message));
  });
  client.on(Events.MessageBulkDelete, (messages) => {
    for (const message of messages.values()) void inbound.run('delete', () => onDelete(ctx, message));
  });
  client.on(
    Events.MessageReactionAdd,
    (reaction, user) => void inbound.run('reaction', () => onReaction(ctx, reaction, user, true)),
  );
  client.on(
    Events.MessageReactionRemove,
    (reaction, user) => void inbound.run('reaction', () => onReaction(ctx, reaction, user, false)),
  );
}

async function onMessage(ctx: DiscordContext, message: Message, warnEmpty: () => void): Promise<void> {
  if (!message.inGuild() || !isCapturable(message, botId(ctx))) return;
  const text = messageText(message);
  const files = messageFiles(message);
  if (!text && !files) {
    warnEmpty();
    return;
  }
  const place = await incidentChannelOf(
    ctx.app.services.store,
    message.guildId,
    message.channel,
    message.channelId,
  );
  await ctx.inbound.answer({
    kind: 'message',
    messageId: message.id,
    text,
    occurredAt: message.createdAt,
    permalink: message.url,
    ...(place.threadId ? { threadId: place.threadId } : {}),
    ...(files ? { files } : {}),
    context: context(message.guildId, place.channel, actorOf(message.author, message.member)),
  });
}

async function onEdit(ctx: DiscordContext, message: Message | PartialMessage): Promise<void> {
  // Link previews also arrive as updates; only a real edit carries an edit time.
  if (!message.guildId || !message.editedAt || !isCapturable(message, botId(ctx)) || !message.author) return;
  const place = await incidentChannelOf(
    ctx.app.services.store,
    message.guildId,
    message.channel,
    message.channelId,
  );
  await ctx.inbound.answer({
    kind: 'message-edited',
    messageId: message.id,
    text: messageText(message),
    editedAt: message.editedAt,
    context: context(message.guildId, place.channel, actorOf(message.author, message.member)),
  });
}

async function onDelete(ctx: DiscordContext, message: Message | PartialMessage): Promise<void> {
  if (!message.guildId || message.author?.id === botId(ctx)) return;
  const place = await incidentChannelOf(
    ctx.app.services.store,
    message.guildId,
    message.channel,
    message.channelId,
  );
  const actor = message.author ? actorOf(message.author, message.member) : UNKNOWN_ACTOR;
  await ctx.inbound.answer({
    kind: 'message-deleted',
    messageId: message.id,
    context: context(message.guildId, place.channel, actor),
  });
}

async function onReaction(
  ctx: DiscordContext,
  reaction: MessageReaction | PartialMessageReaction,
  user: User | PartialUser,
  added: boolean,
): Promise<void> {
  if (reaction.emoji.name !== PIN_EMOJI || user.id === botId(ctx)) return;
  const message = reaction.message;
  if (!message.guildId) return;
  // Someone else's 📌 is still there: the message stays on the timeline.
  if (!added && (reaction.count ?? 0) > 0) return;
  const place = await incidentChannelOf(
    ctx.app.services.store,
    message.guildId,
    message.channel,
    message.channelId,
  );
  const person = user.partial ? await user.fetch() : user;
  const actor = actorOf(person, message.guild?.members.cache.get(person.id));
  await ctx.inbound.answer({
    kind: added ? 'message-promoted' : 'message-demoted',
    messageId: message.id,
    context: context(message.guildId, place.channel, actor),
  });
}

function context(workspace: string, channel: string, actor: Actor): InboundContext {
  return { platform: DISCORD_PLATFORM, workspace, channel, actor };
}

function botId(ctx: DiscordContext): string {
  return ctx.client.user?.id ?? '';
}
