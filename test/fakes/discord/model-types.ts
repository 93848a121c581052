/** In-memory model of the fake Discord. Field names are camelCase; `wire.ts` turns them into API JSON. */

export interface FakeUser {
  id: string;
  username: string;
  globalName: string | null;
  bot: boolean;
  /** When false, POSTs to this user's DM channel fail with 403 50007 (Cannot send messages to this user). */
  dmsOpen: boolean;
}

export interface FakeRole {
  id: string;
  name: string;
  permissions: bigint;
  position: number;
  color: number;
  hoist: boolean;
  managed: boolean;
  mentionable: boolean;
  /** Set for a bot's managed role. */
  botId: string | null;
}

export interface FakeMember {
  userId: string;
  roles: string[];
  nick: string | null;
  joinedAt: string;
}

export interface FakeOverwrite {
  id: string;
  /** 0 = role, 1 = member. */
  type: 0 | 1;
  allow: bigint;
  deny: bigint;
}

export interface FakeThreadMetadata {
  archived: boolean;
  locked: boolean;
  autoArchiveDuration: number;
  archiveTimestamp: string;
  createTimestamp: string;
  invitable: boolean;
}

export interface FakeChannel {
  id: string;
  /** 0 text, 1 DM, 2 voice, 4 category, 5 announcement, 10/11/12 threads, 15 forum. */
  type: number;
  guildId: string | null;
  name: string | null;
  topic: string | null;
  parentId: string | null;
  position: number;
  nsfw: boolean;
  rateLimitPerUser: number;
  permissionOverwrites: FakeOverwrite[];
  lastMessageId: string | null;
  lastPinTimestamp: string | null;
  /** DM channels: the other user(s). */
  recipientIds: string[];
  /** Threads only. */
  ownerId: string | null;
  threadMetadata: FakeThreadMetadata | null;
  messageCount: number;
}

export interface FakeAttachment {
  id: string;
  filename: string;
  size: number;
  contentType: string | null;
  description: string | null;
  url: string;
  data: Buffer;
}

export interface FakeEmoji {
  id: string | null;
  name: string;
  animated?: boolean;
}

export interface FakeReaction {
  emoji: FakeEmoji;
  userIds: Set<string>;
}

export interface FakeMessage {
  id: string;
  channelId: string;
  guildId: string | null;
  authorId: string;
  content: string;
  embeds: unknown[];
  components: unknown[];
  attachments: FakeAttachment[];
  flags: number;
  /** 0 default, 6 pin notice, 19 reply, 20 chat-input command reply, 21 thread starter. */
  type: number;
  timestamp: string;
  editedTimestamp: string | null;
  pinned: boolean;
  pinnedAt: string | null;
  tts: boolean;
  mentionEveryone: boolean;
  mentionUserIds: string[];
  mentionRoleIds: string[];
  reactions: Map<string, FakeReaction>;
  messageReference: { messageId: string | null; channelId: string; guildId: string | null } | null;
  webhookId: string | null;
  applicationId: string | null;
  interactionMetadata: Record<string, unknown> | null;
  /** Id of the thread started from this message, if any. */
  threadId: string | null;
  nonce: string | number | null;
}

export interface FakeCommand {
  id: string;
  applicationId: string;
  guildId: string | null;
  version: string;
  /** The body as the bot sent it (after defaults), merged into the returned object. */
  body: Record<string, unknown>;
}

export interface FakeInteractionRecord {
  id: string;
  token: string;
  applicationId: string;
  type: number;
  channelId: string;
  guildId: string | null;
  userId: string;
  /** For component interactions: the message the component is on. */
  messageId: string | null;
  /** Set once the callback endpoint accepted a response. */
  responseType: number | null;
  /** The message created by callback type 4/5 (`@original`). */
  originalMessageId: string | null;
  followUpMessageIds: string[];
}

/** One interaction callback (POST /interactions/:id/:token/callback) as received. */
export interface InteractionCallbackRecord {
  interactionId: string;
  type: number;
  data: Record<string, unknown> | null;
  at: number;
}
