import { CommandStore } from './command-store.ts';
import { DiscordHttpError, unknownChannel } from './http-errors.ts';
import { MessageStore } from './message-store.ts';
import type { FakeChannel, FakeMember, FakeRole, FakeUser } from './model-types.ts';
import {
  applyToggles,
  BOT_PERMISSION_BITS,
  type BotPermissions,
  basePermissions,
  channelPermissions,
  DEFAULT_BOT_PERMISSIONS,
  Perm,
  type PermissionSubject,
} from './permissions.ts';
import { SnowflakeGenerator } from './snowflake.ts';
import { channelWire, roleWire } from './wire.ts';

export type DispatchListener = (t: string, d: Record<string, unknown>) => void;

export interface FakeStateOptions {
  now?: () => number;
  guildName?: string;
  botUsername?: string;
  /** Whether messages the bot creates are dispatched back as MESSAGE_CREATE (real Discord does). Default true. */
  echoBotMessages?: boolean;
}

/** Ids of everything the fake seeds, so tests can address them. */
export interface SeedIds {
  applicationId: string;
  botUserId: string;
  guildId: string;
  everyoneRoleId: string;
  botRoleId: string;
  memberRoleId: string;
  oncallRoleId: string;
  aliceId: string;
  bobId: string;
  generalChannelId: string;
  incidentsCategoryId: string;
}

/** @everyone gets almost nothing, so the bot's permissions come from its own role (see README). */
const EVERYONE_PERMS = Perm.UseApplicationCommands | Perm.CreateInstantInvite;
const MEMBER_PERMS =
  DEFAULT_BOT_PERMISSIONS & ~(Perm.ManageChannels | Perm.ManageRoles | Perm.ManageMessages);

/** The whole in-memory Discord: one guild, its users/roles/members/channels, messages, commands. */
export class FakeDiscordState {
  readonly now: () => number;
  readonly snowflakes: SnowflakeGenerator;
  readonly ids: SeedIds;
  readonly guild: { id: string; name: string; ownerId: string; joinedAt: string };
  readonly users = new Map<string, FakeUser>();
  readonly roles = new Map<string, FakeRole>();
  readonly members = new Map<string, FakeMember>();
  readonly channels = new Map<string, FakeChannel>();
  /** What GET /gateway/bot recommends; set to 2 to make a ShardingManager start two shards. */
  gatewayShards = 1;
  readonly messages: MessageStore;
  readonly commands: CommandStore;
  echoBotMessages: boolean;
  private readonly listeners = new Set<DispatchListener>();

  constructor(options: FakeStateOptions = {}) {
    this.now = options.now ?? Date.now;
    this.snowflakes = new SnowflakeGenerator(this.now);
    this.echoBotMessages = options.echoBotMessages ?? true;
    const next = () => this.snowflakes.next();
    const applicationId = next();
    const guildId = next();
    this.guild = { id: guildId, name: options.guildName ?? 'Tocsin Test Guild', ownerId: '', joinedAt: '' };
    this.guild.joinedAt = this.isoNow();
    const bot = this.addUser({ id: applicationId, username: options.botUsername ?? 'tocsin', bot: true });
    const alice = this.addUser({ username: 'alice', globalName: 'Alice' });
    const bob = this.addUser({ username: 'bob', globalName: 'Bob' });
    this.guild.ownerId = alice.id;
    this.roles.set(guildId, role(guildId, '@everyone', EVERYONE_PERMS, 0, null));
    const botRole = role(next(), bot.username, DEFAULT_BOT_PERMISSIONS, 3, bot.id);
    const memberRole = role(next(), 'Member', MEMBER_PERMS, 1, null);
    const oncallRole = { ...role(next(), 'oncall', 0n, 2, null), mentionable: true };
    for (const r of [botRole, memberRole, oncallRole]) this.roles.set(r.id, r);
    this.addMember(bot.id, [botRole.id]);
    this.addMember(alice.id, [memberRole.id, oncallRole.id]);
    this.addMember(bob.id, [memberRole.id]);
    const general = this.addChannel({ name: 'general', type: 0 });
    const incidents = this.addChannel({ name: 'Incidents', type: 4 });
    this.messages = new MessageStore(this);
    this.commands = new CommandStore(this);
    this.ids = {
      applicationId,
      botUserId: bot.id,
      guildId,
      everyoneRoleId: guildId,
      botRoleId: botRole.id,
      memberRoleId: memberRole.id,
      oncallRoleId: oncallRole.id,
      aliceId: alice.id,
      bobId: bob.id,
      generalChannelId: general.id,
      incidentsCategoryId: incidents.id,
    };
  }

  get botUser(): FakeUser {
    return this.requireUser(this.ids.botUserId);
  }

  isoNow(): string {
    return new Date(this.now()).toISOString();
  }

  /** Subscribes to every gateway event the model produces; returns an unsubscribe function. */
  onDispatch(listener: DispatchListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(t: string, d: Record<string, unknown>): void {
    for (const listener of this.listeners) listener(t, d);
  }

  addUser(input: { id?: string; username: string; globalName?: string | null; bot?: boolean }): FakeUser {
    const user: FakeUser = {
      id: input.id ?? this.snowflakes.next(),
      username: input.username,
      globalName: input.globalName ?? null,
      bot: input.bot ?? false,
      dmsOpen: true,
    };
    this.users.set(user.id, user);
    return user;
  }

  requireUser(id: string): FakeUser {
    const user = this.users.get(id);
    if (!user) throw new DiscordHttpError(404, 10013);
    return user;
  }

  addMember(userId: string, roles: string[] = [], nick: string | null = null): FakeMember {
    const member: FakeMember = { userId, roles, nick, joinedAt: this.isoNow() };
    this.members.set(userId, member);
    return member;
  }

  /** Adds a user who is also a guild member with the Member role. */
  addHuman(username: string, roles: string[] = []): FakeUser {
    const user = this.addUser({ username, globalName: username });
    this.addMember(user.id, [this.ids.memberRoleId, ...roles]);
    return user;
  }

  addRole(input: { name: string; permissions?: bigint; mentionable?: boolean }): FakeRole {
    const r = { ...role(this.snowflakes.next(), input.name, input.permissions ?? 0n, this.roles.size, null) };
    r.mentionable = input.mentionable ?? false;
    this.roles.set(r.id, r);
    this.emit('GUILD_ROLE_CREATE', { guild_id: this.guild.id, role: roleWire(r) });
    return r;
  }

  /** Adds a channel directly (no permission checks) and dispatches CHANNEL_CREATE / THREAD_CREATE. */
  addChannel(input: Partial<FakeChannel> & { name: string | null; type: number }): FakeChannel {
    const isThread = input.type === 10 || input.type === 11 || input.type === 12;
    const siblings = [...this.channels.values()].filter((c) => c.guildId !== null && c.type === input.type);
    const channel: FakeChannel = {
      id: this.snowflakes.next(),
      guildId: this.guild.id,
      topic: null,
      parentId: null,
      position: siblings.length,
      nsfw: false,
      rateLimitPerUser: 0,
      permissionOverwrites: [],
      lastMessageId: null,
      lastPinTimestamp: null,
      recipientIds: [],
      ownerId: null,
      threadMetadata: null,
      messageCount: 0,
      ...input,
    };
    if (isThread && !channel.threadMetadata) {
      channel.threadMetadata = {
        archived: false,
        locked: false,
        autoArchiveDuration: 1440,
        archiveTimestamp: this.isoNow(),
        createTimestamp: this.isoNow(),
        invitable: true,
      };
    }
    this.channels.set(channel.id, channel);
    if (this.listeners.size > 0 && channel.guildId !== null) {
      const wire = channelWire(this, channel);
      if (isThread) this.emit('THREAD_CREATE', { ...wire, newly_created: true });
      else this.emit('CHANNEL_CREATE', wire);
    }
    return channel;
  }

  updateChannel(id: string, patch: Partial<FakeChannel>): FakeChannel {
    const channel = this.requireChannel(id);
    Object.assign(channel, patch);
    const isThread = channel.threadMetadata !== null;
    if (channel.guildId) this.emit(isThread ? 'THREAD_UPDATE' : 'CHANNEL_UPDATE', channelWire(this, channel));
    return channel;
  }

  deleteChannel(id: string): FakeChannel {
    const channel = this.requireChannel(id);
    this.channels.delete(id);
    const isThread = channel.threadMetadata !== null;
    if (channel.guildId) this.emit(isThread ? 'THREAD_DELETE' : 'CHANNEL_DELETE', channelWire(this, channel));
    return channel;
  }

  requireChannel(id: string): FakeChannel {
    const channel = this.channels.get(id);
    if (!channel) throw unknownChannel();
    return channel;
  }

  /** Finds or creates the DM channel between the bot and a user. */
  openDm(userId: string): FakeChannel {
    this.requireUser(userId);
    for (const c of this.channels.values()) if (c.type === 1 && c.recipientIds[0] === userId) return c;
    return this.addChannel({ name: null, type: 1, guildId: null, recipientIds: [userId] });
  }

  permissionSubject(userId: string): PermissionSubject {
    const member = this.members.get(userId);
    const roles = (member?.roles ?? []).flatMap((id) => {
      const r = this.roles.get(id);
      return r ? [{ id: r.id, permissions: r.permissions }] : [];
    });
    const everyone = this.roles.get(this.guild.id)?.permissions ?? 0n;
    return { guildId: this.guild.id, ownerId: this.guild.ownerId, userId, everyone, roles };
  }

  /** Effective permissions of a user, in a channel (threads use their parent's overwrites) or guild-wide. */
  permissionsOf(userId: string, channelId?: string | null): bigint {
    const subject = this.permissionSubject(userId);
    if (!channelId) return basePermissions(subject);
    const channel = this.requireChannel(channelId);
    if (channel.guildId === null) return Perm.ViewChannel | Perm.SendMessages | Perm.ReadMessageHistory;
    const isThread = channel.threadMetadata !== null;
    const source = isThread && channel.parentId ? this.requireChannel(channel.parentId) : channel;
    return channelPermissions(subject, source.permissionOverwrites, isThread);
  }

  botPermissions(channelId?: string | null): bigint {
    return this.permissionsOf(this.ids.botUserId, channelId);
  }

  /**
   * Turns bot permissions on or off. Guild-wide: edits the bot's role (GUILD_ROLE_UPDATE).
   * With `channelId`: writes a member overwrite for the bot on that channel (CHANNEL_UPDATE).
   */
  setBotPermissions(toggles: Partial<BotPermissions>, options: { channelId?: string } = {}): void {
    if (!options.channelId) {
      const botRole = this.roles.get(this.ids.botRoleId)!;
      botRole.permissions = applyToggles(botRole.permissions, toggles);
      this.emit('GUILD_ROLE_UPDATE', { guild_id: this.guild.id, role: roleWire(botRole) });
      return;
    }
    const channel = this.requireChannel(options.channelId);
    let overwrite = channel.permissionOverwrites.find((o) => o.type === 1 && o.id === this.ids.botUserId);
    if (!overwrite) {
      overwrite = { id: this.ids.botUserId, type: 1, allow: 0n, deny: 0n };
      channel.permissionOverwrites.push(overwrite);
    }
    for (const [key, on] of Object.entries(toggles) as [keyof BotPermissions, boolean | undefined][]) {
      const bit = BOT_PERMISSION_BITS[key];
      if (on === undefined) continue;
      overwrite.allow = on ? overwrite.allow | bit : overwrite.allow & ~bit;
      overwrite.deny = on ? overwrite.deny & ~bit : overwrite.deny | bit;
    }
    this.updateChannel(channel.id, {});
  }
}

function role(
  id: string,
  name: string,
  permissions: bigint,
  position: number,
  botId: string | null,
): FakeRole {
  return {
    id,
    name,
    permissions,
    position,
    color: 0,
    hoist: false,
    managed: botId !== null,
    mentionable: false,
    botId,
  };
}
