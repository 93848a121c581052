import type { FakeOverwrite } from './model-types.ts';

/** Discord permission bits used by the fake (https://discord.com/developers/docs/topics/permissions). */
export const Perm = {
  CreateInstantInvite: 1n << 0n,
  Administrator: 1n << 3n,
  ManageChannels: 1n << 4n,
  ManageGuild: 1n << 5n,
  AddReactions: 1n << 6n,
  ViewChannel: 1n << 10n,
  SendMessages: 1n << 11n,
  SendTtsMessages: 1n << 12n,
  ManageMessages: 1n << 13n,
  EmbedLinks: 1n << 14n,
  AttachFiles: 1n << 15n,
  ReadMessageHistory: 1n << 16n,
  MentionEveryone: 1n << 17n,
  UseExternalEmojis: 1n << 18n,
  ManageRoles: 1n << 28n,
  ManageWebhooks: 1n << 29n,
  UseApplicationCommands: 1n << 31n,
  ManageThreads: 1n << 34n,
  CreatePublicThreads: 1n << 35n,
  CreatePrivateThreads: 1n << 36n,
  SendMessagesInThreads: 1n << 38n,
  PinMessages: 1n << 51n,
} as const;

export const ALL_PERMISSIONS = (1n << 53n) - 1n;

/** Toggles accepted by `setBotPermissions`. Each maps to one permission bit of the bot's role. */
export interface BotPermissions {
  viewChannel: boolean;
  sendMessages: boolean;
  sendMessagesInThreads: boolean;
  readMessageHistory: boolean;
  manageMessages: boolean;
  manageChannels: boolean;
  manageRoles: boolean;
  manageThreads: boolean;
  addReactions: boolean;
  createPublicThreads: boolean;
  createPrivateThreads: boolean;
  embedLinks: boolean;
  attachFiles: boolean;
  mentionEveryone: boolean;
  useExternalEmojis: boolean;
}

export const BOT_PERMISSION_BITS: Record<keyof BotPermissions, bigint> = {
  viewChannel: Perm.ViewChannel,
  sendMessages: Perm.SendMessages,
  sendMessagesInThreads: Perm.SendMessagesInThreads,
  readMessageHistory: Perm.ReadMessageHistory,
  manageMessages: Perm.ManageMessages,
  manageChannels: Perm.ManageChannels,
  manageRoles: Perm.ManageRoles,
  manageThreads: Perm.ManageThreads,
  addReactions: Perm.AddReactions,
  createPublicThreads: Perm.CreatePublicThreads,
  createPrivateThreads: Perm.CreatePrivateThreads,
  embedLinks: Perm.EmbedLinks,
  attachFiles: Perm.AttachFiles,
  mentionEveryone: Perm.MentionEveryone,
  useExternalEmojis: Perm.UseExternalEmojis,
};

/** Every toggle on: what the seeded bot role grants. */
export const DEFAULT_BOT_PERMISSIONS: bigint = Object.values(BOT_PERMISSION_BITS).reduce(
  (acc, bit) => acc | bit,
  Perm.UseApplicationCommands | Perm.SendTtsMessages | Perm.CreateInstantInvite,
);

/** Applies toggles to a permission bitfield. */
export function applyToggles(base: bigint, toggles: Partial<BotPermissions>): bigint {
  let bits = base;
  for (const [key, on] of Object.entries(toggles) as [keyof BotPermissions, boolean | undefined][]) {
    const bit = BOT_PERMISSION_BITS[key];
    if (on === true) bits |= bit;
    if (on === false) bits &= ~bit;
  }
  return bits;
}

export interface PermissionSubject {
  guildId: string;
  ownerId: string;
  userId: string;
  /** Permissions of @everyone. */
  everyone: bigint;
  /** The member's roles (not including @everyone) with their permissions. */
  roles: { id: string; permissions: bigint }[];
}

/** Guild-level permissions (roles only), as Discord computes them. */
export function basePermissions(s: PermissionSubject): bigint {
  if (s.userId === s.ownerId) return ALL_PERMISSIONS;
  let perms = s.everyone;
  for (const role of s.roles) perms |= role.permissions;
  return perms & Perm.Administrator ? ALL_PERMISSIONS : perms;
}

/** Channel permissions: base permissions with the channel's overwrites applied (everyone, roles, member). */
export function channelPermissions(
  s: PermissionSubject,
  overwrites: FakeOverwrite[],
  inThread = false,
): bigint {
  let perms = basePermissions(s);
  if (perms & Perm.Administrator) return ALL_PERMISSIONS;
  const everyone = overwrites.find((o) => o.type === 0 && o.id === s.guildId);
  if (everyone) perms = (perms & ~everyone.deny) | everyone.allow;
  let allow = 0n;
  let deny = 0n;
  for (const o of overwrites) {
    if (o.type === 0 && s.roles.some((r) => r.id === o.id)) {
      allow |= o.allow;
      deny |= o.deny;
    }
  }
  perms = (perms & ~deny) | allow;
  const member = overwrites.find((o) => o.type === 1 && o.id === s.userId);
  if (member) perms = (perms & ~member.deny) | member.allow;
  if (!(perms & Perm.ViewChannel)) return 0n;
  if (!(perms & (inThread ? Perm.SendMessagesInThreads : Perm.SendMessages))) {
    perms &= ~(Perm.MentionEveryone | Perm.SendTtsMessages | Perm.AttachFiles | Perm.EmbedLinks);
  }
  return perms;
}

export function has(perms: bigint, bit: bigint): boolean {
  return (perms & bit) === bit;
}
