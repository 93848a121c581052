import type { FakeDiscordState } from './fake-discord-state.ts';
import { unknownMessage } from './http-errors.ts';
import type { FakeAttachment, FakeEmoji, FakeMessage } from './model-types.ts';
import { compareSnowflakes, snowflakeTimestamp } from './snowflake.ts';
import { memberWire, messageWire } from './wire.ts';

const EPHEMERAL = 1 << 6;

export interface NewMessage {
  channelId: string;
  authorId: string;
  content?: string;
  embeds?: unknown[];
  components?: unknown[];
  attachments?: FakeAttachment[];
  flags?: number;
  type?: number;
  tts?: boolean;
  mentionUserIds?: string[];
  mentionRoleIds?: string[];
  mentionEveryone?: boolean;
  messageReference?: { messageId: string | null; channelId?: string } | null;
  webhookId?: string | null;
  applicationId?: string | null;
  interactionMetadata?: Record<string, unknown> | null;
  nonce?: string | number | null;
}

export type MessagePatch = Partial<
  Pick<FakeMessage, 'content' | 'embeds' | 'components' | 'flags' | 'attachments'>
>;

export interface PageQuery {
  before?: string | null;
  after?: string | null;
  around?: string | null;
  limit?: number;
}

export const emojiKey = (e: FakeEmoji): string => (e.id ? `${e.name}:${e.id}` : e.name);

/** Messages per channel (ascending by id), ephemeral messages, uploaded files, pins and reactions. */
export class MessageStore {
  private readonly byChannel = new Map<string, FakeMessage[]>();
  private readonly ephemeral = new Map<string, FakeMessage>();
  /** Uploaded attachments by id, served at `/attachments/:channel/:id/:filename`. */
  readonly files = new Map<string, FakeAttachment>();

  constructor(private readonly state: FakeDiscordState) {}

  create(input: NewMessage): FakeMessage {
    const channel = this.state.requireChannel(input.channelId);
    const flags = input.flags ?? 0;
    // Discord's `timestamp` is the time inside the id; reading the clock twice could straddle a millisecond.
    const id = this.state.snowflakes.next();
    const msg: FakeMessage = {
      id,
      channelId: channel.id,
      guildId: channel.guildId,
      authorId: input.authorId,
      content: input.content ?? '',
      embeds: input.embeds ?? [],
      components: input.components ?? [],
      attachments: input.attachments ?? [],
      flags,
      type: input.type ?? (input.messageReference?.messageId ? 19 : 0),
      timestamp: new Date(snowflakeTimestamp(id)).toISOString(),
      editedTimestamp: null,
      pinned: false,
      pinnedAt: null,
      tts: input.tts ?? false,
      mentionEveryone: input.mentionEveryone ?? false,
      mentionUserIds: input.mentionUserIds ?? [],
      mentionRoleIds: input.mentionRoleIds ?? [],
      reactions: new Map(),
      messageReference: input.messageReference
        ? {
            messageId: input.messageReference.messageId,
            channelId: input.messageReference.channelId ?? channel.id,
            guildId: channel.guildId,
          }
        : null,
      webhookId: input.webhookId ?? null,
      applicationId: input.applicationId ?? null,
      interactionMetadata: input.interactionMetadata ?? null,
      threadId: null,
      nonce: input.nonce ?? null,
    };
    for (const a of msg.attachments) this.files.set(a.id, a);
    if (flags & EPHEMERAL) {
      this.ephemeral.set(msg.id, msg);
      return msg;
    }
    this.listOf(channel.id).push(msg);
    channel.lastMessageId = msg.id;
    if (channel.threadMetadata) channel.messageCount += 1;
    const fromBot = msg.authorId === this.state.ids.botUserId;
    if (!fromBot || this.state.echoBotMessages) this.state.emit('MESSAGE_CREATE', this.gatewayWire(msg));
    return msg;
  }

  /** The message, including ephemeral ones (which are never in channel history). */
  find(channelId: string, messageId: string): FakeMessage | undefined {
    const eph = this.ephemeral.get(messageId);
    if (eph) return eph.channelId === channelId ? eph : undefined;
    return this.byChannel.get(channelId)?.find((m) => m.id === messageId);
  }

  findById(messageId: string): FakeMessage | undefined {
    const eph = this.ephemeral.get(messageId);
    if (eph) return eph;
    for (const list of this.byChannel.values()) {
      const m = list.find((x) => x.id === messageId);
      if (m) return m;
    }
    return undefined;
  }

  require(channelId: string, messageId: string): FakeMessage {
    const msg = this.find(channelId, messageId);
    if (!msg) throw unknownMessage();
    return msg;
  }

  /** Channel history, oldest first (no ephemeral messages). */
  list(channelId: string): FakeMessage[] {
    return [...(this.byChannel.get(channelId) ?? [])];
  }

  /** Pinned messages, most recently pinned first. */
  pins(channelId: string): FakeMessage[] {
    return this.list(channelId)
      .filter((m) => m.pinned)
      .sort((a, b) => (b.pinnedAt ?? '').localeCompare(a.pinnedAt ?? ''));
  }

  /** GET /channels/:id/messages semantics: up to `limit` (1-100, default 50), newest first. */
  page(channelId: string, q: PageQuery): FakeMessage[] {
    const limit = Math.min(Math.max(q.limit ?? 50, 1), 100);
    const all = this.list(channelId);
    let picked: FakeMessage[];
    if (q.around) {
      const older = all.filter((m) => compareSnowflakes(m.id, q.around!) < 0).slice(-Math.floor(limit / 2));
      const rest = all.filter((m) => compareSnowflakes(m.id, q.around!) >= 0).slice(0, limit - older.length);
      picked = [...older, ...rest];
    } else if (q.after) {
      picked = all.filter((m) => compareSnowflakes(m.id, q.after!) > 0).slice(0, limit);
    } else {
      const before = q.before;
      picked = (before ? all.filter((m) => compareSnowflakes(m.id, before) < 0) : all).slice(-limit);
    }
    return picked.reverse();
  }

  edit(msg: FakeMessage, patch: MessagePatch): FakeMessage {
    Object.assign(msg, patch);
    msg.editedTimestamp = this.state.isoNow();
    for (const a of msg.attachments) this.files.set(a.id, a);
    if (!(msg.flags & EPHEMERAL)) this.state.emit('MESSAGE_UPDATE', this.gatewayWire(msg));
    return msg;
  }

  delete(msg: FakeMessage): void {
    if (this.ephemeral.delete(msg.id)) return;
    const list = this.listOf(msg.channelId);
    list.splice(list.indexOf(msg), 1);
    this.state.emit('MESSAGE_DELETE', {
      id: msg.id,
      channel_id: msg.channelId,
      ...(msg.guildId ? { guild_id: msg.guildId } : {}),
    });
  }

  /** Pins/unpins; pinning also posts the "pinned a message" system message (type 6) like Discord. */
  setPinned(msg: FakeMessage, pinned: boolean, actorId: string): void {
    if (msg.pinned === pinned) return;
    msg.pinned = pinned;
    msg.pinnedAt = pinned ? this.state.isoNow() : null;
    const channel = this.state.requireChannel(msg.channelId);
    channel.lastPinTimestamp = this.pins(channel.id)[0]?.pinnedAt ?? null;
    this.state.emit('MESSAGE_UPDATE', this.gatewayWire(msg));
    this.state.emit('CHANNEL_PINS_UPDATE', {
      channel_id: channel.id,
      ...(channel.guildId ? { guild_id: channel.guildId } : {}),
      last_pin_timestamp: channel.lastPinTimestamp,
    });
    if (pinned) {
      this.create({
        channelId: channel.id,
        authorId: actorId,
        type: 6,
        messageReference: { messageId: msg.id },
      });
    }
  }

  /** Adds a reaction; returns false if this user already reacted with that emoji. */
  addReaction(msg: FakeMessage, userId: string, emoji: FakeEmoji): boolean {
    const key = emojiKey(emoji);
    const reaction = msg.reactions.get(key) ?? { emoji, userIds: new Set<string>() };
    msg.reactions.set(key, reaction);
    if (reaction.userIds.has(userId)) return false;
    reaction.userIds.add(userId);
    const member = msg.guildId ? memberWire(this.state, userId) : null;
    this.state.emit('MESSAGE_REACTION_ADD', {
      ...this.reactionBase(msg, userId, emoji),
      ...(member ? { member } : {}),
      message_author_id: msg.authorId,
      burst_colors: [],
    });
    return true;
  }

  removeReaction(msg: FakeMessage, userId: string, emoji: FakeEmoji): boolean {
    const key = emojiKey(emoji);
    const reaction = msg.reactions.get(key);
    if (!reaction?.userIds.delete(userId)) return false;
    if (reaction.userIds.size === 0) msg.reactions.delete(key);
    this.state.emit('MESSAGE_REACTION_REMOVE', this.reactionBase(msg, userId, reaction.emoji));
    return true;
  }

  gatewayWire(msg: FakeMessage): Record<string, unknown> {
    return messageWire(this.state, msg, true);
  }

  private reactionBase(msg: FakeMessage, userId: string, emoji: FakeEmoji): Record<string, unknown> {
    return {
      user_id: userId,
      channel_id: msg.channelId,
      message_id: msg.id,
      ...(msg.guildId ? { guild_id: msg.guildId } : {}),
      emoji: { id: emoji.id, name: emoji.name, ...(emoji.animated ? { animated: true } : {}) },
      burst: false,
      type: 0,
    };
  }

  private listOf(channelId: string): FakeMessage[] {
    let list = this.byChannel.get(channelId);
    if (!list) {
      list = [];
      this.byChannel.set(channelId, list);
    }
    return list;
  }
}
