import { type OverwriteData, OverwriteType, PermissionFlagsBits } from 'discord.js';
import type { AppConfig } from '../../src/config/config-schema.ts';
import { SystemError } from '../../src/core/public-api.ts';
import type { PermissionName } from './missing-permission.ts';

type OverwriteConfig = AppConfig['discord']['permission_overwrites'][number];

/**
 * `discord.permission_overwrites` as discord.js takes them. Permission names are Discord's flag
 * names in either spelling (`ViewChannel` or `VIEW_CHANNEL`); `@everyone` stands for the guild's
 * everyone role. Unknown names fail at startup, not when the first incident is declared.
 */
export function toOverwrites(config: readonly OverwriteConfig[], guildId: string): OverwriteData[] {
  return config.map((entry) => ({
    id: entry.id === '@everyone' || entry.id === 'everyone' ? guildId : entry.id,
    type: entry.type === 'role' ? OverwriteType.Role : OverwriteType.Member,
    allow: entry.allow.map(permissionFlag),
    deny: entry.deny.map(permissionFlag),
  }));
}

/** Throws a SystemError naming every permission in the config that Discord does not have. */
export function checkOverwriteConfig(config: readonly OverwriteConfig[]): void {
  const unknown = config
    .flatMap((entry) => [...entry.allow, ...entry.deny])
    .filter((name) => !toFlagName(name));
  if (unknown.length > 0) {
    throw new SystemError(
      'discord_unknown_permission',
      `discord.permission_overwrites names unknown permissions: ${[...new Set(unknown)].join(', ')} ` +
        '(use Discord flag names such as ViewChannel, SendMessages, ReadMessageHistory)',
    );
  }
}

function permissionFlag(name: string): bigint {
  const flag = toFlagName(name);
  if (!flag) throw new SystemError('discord_unknown_permission', `unknown Discord permission "${name}"`);
  return PermissionFlagsBits[flag];
}

/** Flag names by their letters alone, so `SEND_TTS_MESSAGES` finds `SendTTSMessages`. */
const BY_LETTERS = new Map(
  (Object.keys(PermissionFlagsBits) as PermissionName[]).map((flag) => [flag.toLowerCase(), flag]),
);

function toFlagName(name: string): PermissionName | undefined {
  return BY_LETTERS.get(name.replace(/_/g, '').toLowerCase());
}
