import type { FakeDiscordState } from './fake-discord-state.ts';
import { emojiKey } from './message-store.ts';
import type { FakeAttachment, FakeEmoji, FakeMessage } from './model-types.ts';
import { mentionsFrom } from './route-helpers.ts';

/** Things users do in Discord (post, edit, delete, react): stored in the model, then dispatched. */

export interface InboundMessageInput {
  /** Default: the seeded #general. */
  channelId?: string;
  /** Default: the seeded alice. */
  authorId?: string;
  content?: string;
  embeds?: unknown[];
  /** Reply to this message id (type 19 with message_reference). */
  replyTo?: string;
  attachments?: { filename: string; data?: string | Buffer; contentType?: string }[];
  /** Posted through a webhook (messages with webhook_id). */
  webhookId?: string;
  /** Override mentions (default: parsed from `<@id>`, `<@&id>`, `@everyone` in content). */
  mentionUserIds?: string[];
  mentionRoleIds?: string[];
}

export interface InboundEditInput {
  channelId?: string;
  messageId: string;
  content?: string;
  embeds?: unknown[];
}

export interface InboundReactionInput {
  channelId?: string;
  messageId: string;
  /** Default: alice. */
  userId?: string;
  /** `'📌'`, `'name:id'` or an emoji object. Default 📌. */
  emoji?: string | FakeEmoji;
}

function messageIn(state: FakeDiscordState, channelId: string | undefined, messageId: string): FakeMessage {
  const msg =
    state.messages.find(channelId ?? state.ids.generalChannelId, messageId) ??
    state.messages.findById(messageId);
  if (!msg) throw new Error(`fake-discord: unknown message ${messageId}`);
  return msg;
}

export function toEmoji(emoji: string | FakeEmoji | undefined): FakeEmoji {
  if (emoji === undefined) return { id: null, name: '📌' };
  if (typeof emoji !== 'string') return emoji;
  const parts = emoji.split(':');
  return parts.length >= 2
    ? { id: parts[parts.length - 1] ?? null, name: parts[parts.length - 2] ?? '' }
    : { id: null, name: emoji };
}

export function inboundMessage(
  state: FakeDiscordState,
  origin: string,
  input: InboundMessageInput,
): FakeMessage {
  const channelId = input.channelId ?? state.ids.generalChannelId;
  const authorId = input.authorId ?? state.ids.aliceId;
  const content = input.content ?? '';
  const attachments: FakeAttachment[] = (input.attachments ?? []).map((a) => {
    const id = state.snowflakes.next();
    const data = Buffer.isBuffer(a.data) ? a.data : Buffer.from(a.data ?? '');
    return {
      id,
      filename: a.filename,
      size: data.length,
      contentType: a.contentType ?? null,
      description: null,
      url: `${origin}/attachments/${channelId}/${id}/${encodeURIComponent(a.filename)}`,
      data,
    };
  });
  const parsed = mentionsFrom(state, content, undefined, authorId);
  return state.messages.create({
    channelId,
    authorId,
    content,
    embeds: input.embeds ?? [],
    attachments,
    ...parsed,
    ...(input.mentionUserIds ? { mentionUserIds: input.mentionUserIds } : {}),
    ...(input.mentionRoleIds ? { mentionRoleIds: input.mentionRoleIds } : {}),
    messageReference: input.replyTo ? { messageId: input.replyTo } : null,
    webhookId: input.webhookId ?? null,
  });
}

export function inboundEdit(state: FakeDiscordState, input: InboundEditInput): FakeMessage {
  const msg = messageIn(state, input.channelId, input.messageId);
  return state.messages.edit(msg, {
    ...(input.content !== undefined ? { content: input.content } : {}),
    ...(input.embeds !== undefined ? { embeds: input.embeds } : {}),
  });
}

export function inboundDelete(
  state: FakeDiscordState,
  input: { channelId?: string; messageId: string },
): void {
  state.messages.delete(messageIn(state, input.channelId, input.messageId));
}

/** Adds or removes a user's reaction; returns false if nothing changed. */
export function inboundReaction(state: FakeDiscordState, input: InboundReactionInput, add: boolean): boolean {
  const msg = messageIn(state, input.channelId, input.messageId);
  const userId = input.userId ?? state.ids.aliceId;
  const emoji = toEmoji(input.emoji);
  if (add) return state.messages.addReaction(msg, userId, emoji);
  const existing = msg.reactions.get(emojiKey(emoji));
  return state.messages.removeReaction(msg, userId, existing?.emoji ?? emoji);
}
