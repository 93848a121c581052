import type { FakeDiscordState } from './fake-discord-state.ts';
import type { FakeAttachment, FakeChannel, FakeMessage, FakeRole, FakeUser } from './model-types.ts';

/** Serializers from the in-memory model to Discord API v10 JSON (REST responses and gateway payloads). */
type Json = Record<string, unknown>;

export function userWire(user: FakeUser): Json {
  return {
    id: user.id,
    username: user.username,
    discriminator: '0',
    global_name: user.globalName,
    avatar: null,
    ...(user.bot ? { bot: true } : {}),
    public_flags: 0,
    flags: 0,
    banner: null,
    accent_color: null,
    avatar_decoration_data: null,
    primary_guild: null,
  };
}

export function roleWire(role: FakeRole): Json {
  return {
    id: role.id,
    name: role.name,
    color: role.color,
    colors: { primary_color: role.color, secondary_color: null, tertiary_color: null },
    hoist: role.hoist,
    icon: null,
    unicode_emoji: null,
    position: role.position,
    permissions: role.permissions.toString(),
    managed: role.managed,
    mentionable: role.mentionable,
    flags: 0,
    ...(role.botId ? { tags: { bot_id: role.botId } } : {}),
  };
}

/** A guild member; `withUser` adds the nested user (omitted in MESSAGE_CREATE's `member`). */
export function memberWire(state: FakeDiscordState, userId: string, withUser = true): Json | null {
  const member = state.members.get(userId);
  const user = state.users.get(userId);
  if (!member || !user) return null;
  return {
    ...(withUser ? { user: userWire(user) } : {}),
    nick: member.nick,
    avatar: null,
    banner: null,
    roles: [...member.roles],
    joined_at: member.joinedAt,
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0,
    pending: false,
    communication_disabled_until: null,
  };
}

export function channelWire(state: FakeDiscordState, channel: FakeChannel): Json {
  const common = { id: channel.id, type: channel.type, flags: 0, last_message_id: channel.lastMessageId };
  if (channel.guildId === null) {
    const recipients = channel.recipientIds.flatMap((id) => {
      const user = state.users.get(id);
      return user ? [userWire(user)] : [];
    });
    return { ...common, recipients };
  }
  const guildCommon = {
    ...common,
    guild_id: channel.guildId,
    name: channel.name,
    parent_id: channel.parentId,
  };
  const md = channel.threadMetadata;
  if (md) {
    return {
      ...guildCommon,
      owner_id: channel.ownerId,
      rate_limit_per_user: channel.rateLimitPerUser,
      message_count: channel.messageCount,
      total_message_sent: channel.messageCount,
      member_count: 1,
      thread_metadata: {
        archived: md.archived,
        locked: md.locked,
        auto_archive_duration: md.autoArchiveDuration,
        archive_timestamp: md.archiveTimestamp,
        create_timestamp: md.createTimestamp,
        ...(channel.type === 12 ? { invitable: md.invitable } : {}),
      },
    };
  }
  return {
    ...guildCommon,
    position: channel.position,
    nsfw: channel.nsfw,
    permission_overwrites: channel.permissionOverwrites.map((o) => ({
      id: o.id,
      type: o.type,
      allow: o.allow.toString(),
      deny: o.deny.toString(),
    })),
    ...(channel.type === 4
      ? {}
      : {
          topic: channel.topic,
          rate_limit_per_user: channel.rateLimitPerUser,
          last_pin_timestamp: channel.lastPinTimestamp,
        }),
  };
}

export function attachmentWire(a: FakeAttachment): Json {
  return {
    id: a.id,
    filename: a.filename,
    size: a.size,
    url: a.url,
    proxy_url: a.url,
    ...(a.contentType ? { content_type: a.contentType } : {}),
    ...(a.description ? { description: a.description } : {}),
  };
}

/**
 * A message. `gateway` adds what MESSAGE_CREATE carries beyond the REST object (`guild_id`, `member`).
 * `depth` stops `referenced_message` recursion.
 */
export function messageWire(state: FakeDiscordState, msg: FakeMessage, gateway = false, depth = 0): Json {
  const author = state.users.get(msg.authorId);
  const botId = state.ids.botUserId;
  const reactions = [...msg.reactions.values()].map((r) => ({
    emoji: { id: r.emoji.id, name: r.emoji.name, ...(r.emoji.animated ? { animated: true } : {}) },
    count: r.userIds.size,
    count_details: { burst: 0, normal: r.userIds.size },
    me: r.userIds.has(botId),
    me_burst: false,
    burst_colors: [],
  }));
  const referenced =
    msg.messageReference?.messageId && depth === 0
      ? state.messages.find(msg.messageReference.channelId, msg.messageReference.messageId)
      : undefined;
  const thread = msg.threadId ? state.channels.get(msg.threadId) : undefined;
  const member = gateway && msg.guildId && !msg.webhookId ? memberWire(state, msg.authorId, false) : null;
  return {
    id: msg.id,
    channel_id: msg.channelId,
    ...(gateway && msg.guildId ? { guild_id: msg.guildId } : {}),
    author: author ? userWire(author) : { id: msg.authorId, username: 'unknown', discriminator: '0' },
    ...(member ? { member } : {}),
    content: msg.content,
    timestamp: msg.timestamp,
    edited_timestamp: msg.editedTimestamp,
    tts: msg.tts,
    mention_everyone: msg.mentionEveryone,
    mentions: msg.mentionUserIds.flatMap((id) => {
      const u = state.users.get(id);
      return u ? [userWire(u)] : [];
    }),
    mention_roles: [...msg.mentionRoleIds],
    attachments: msg.attachments.map(attachmentWire),
    embeds: msg.embeds,
    ...(reactions.length > 0 ? { reactions } : {}),
    ...(msg.nonce !== null ? { nonce: msg.nonce } : {}),
    pinned: msg.pinned,
    ...(msg.webhookId ? { webhook_id: msg.webhookId } : {}),
    ...(msg.applicationId ? { application_id: msg.applicationId } : {}),
    type: msg.type,
    flags: msg.flags,
    components: msg.components,
    ...(msg.messageReference
      ? {
          message_reference: {
            type: 0,
            channel_id: msg.messageReference.channelId,
            ...(msg.messageReference.messageId ? { message_id: msg.messageReference.messageId } : {}),
            ...(msg.messageReference.guildId ? { guild_id: msg.messageReference.guildId } : {}),
          },
        }
      : {}),
    ...(referenced ? { referenced_message: messageWire(state, referenced, false, depth + 1) } : {}),
    ...(msg.interactionMetadata ? { interaction_metadata: msg.interactionMetadata } : {}),
    ...(thread ? { thread: channelWire(state, thread) } : {}),
  };
}

/** GET /guilds/:id (no channels/members; GUILD_CREATE adds those via `guildCreateWire`). */
export function guildWire(state: FakeDiscordState): Json {
  return {
    id: state.guild.id,
    name: state.guild.name,
    icon: null,
    splash: null,
    discovery_splash: null,
    owner_id: state.guild.ownerId,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 1,
    explicit_content_filter: 0,
    roles: [...state.roles.values()].map(roleWire),
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: 0,
    application_id: null,
    system_channel_id: null,
    system_channel_flags: 0,
    rules_channel_id: null,
    max_members: 500000,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: 0,
    premium_subscription_count: 0,
    preferred_locale: 'en-US',
    public_updates_channel_id: null,
    nsfw_level: 0,
    premium_progress_bar_enabled: false,
    safety_alerts_channel_id: null,
  };
}

export function guildCreateWire(state: FakeDiscordState): Json {
  const channels = [...state.channels.values()].filter((c) => c.guildId === state.guild.id);
  return {
    ...guildWire(state),
    joined_at: state.guild.joinedAt,
    large: false,
    unavailable: false,
    member_count: state.members.size,
    voice_states: [],
    members: [...state.members.keys()].flatMap((id) => memberWire(state, id) ?? []),
    channels: channels.filter((c) => c.threadMetadata === null).map((c) => channelWire(state, c)),
    threads: channels.filter((c) => c.threadMetadata !== null).map((c) => channelWire(state, c)),
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}
