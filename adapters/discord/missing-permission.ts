import { DiscordAPIError, type PermissionFlagsBits, RESTJSONErrorCodes } from 'discord.js';
import { SystemError } from '../../src/core/public-api.ts';

export type PermissionName = keyof typeof PermissionFlagsBits;

/** Discord's own words for the permissions this bot needs, as server admins see them in settings. */
const LABELS: Partial<Record<PermissionName, string>> = {
  SendMessagesInThreads: 'Send Messages in Threads',
};

export function permissionLabel(permission: PermissionName): string {
  return LABELS[permission] ?? permission.replace(/([a-z])([A-Z])/g, '$1 $2');
}

/**
 * The bot lacks a permission for something it tried (or checked before trying). Carries what a
 * person needs to fix it: which permission, and where.
 */
export class MissingPermissionError extends SystemError {
  constructor(
    readonly permissions: readonly PermissionName[],
    /** `<#id>` of the channel, or "this server". */
    readonly where: string,
    options?: { cause?: unknown },
  ) {
    super('discord_missing_permission', explainMissing(permissions, where), options);
    this.name = 'MissingPermissionError';
  }
}

/** One sentence naming every missing permission and how to grant it. */
export function explainMissing(permissions: readonly PermissionName[], where: string): string {
  const names = permissions.map((permission) => `**${permissionLabel(permission)}**`);
  const list = names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  const plural = permissions.length === 1 ? 'permission' : 'permissions';
  return (
    `I'm missing the ${list} ${plural} in ${where}. ` +
    `Ask a server admin to grant ${permissions.length === 1 ? 'it' : 'them'} to the tocsin role ` +
    "(Server Settings → Roles) or in the channel's permission settings."
  );
}

/**
 * Runs one Discord call that needs `required`. Discord's 50013 ("Missing Permissions") does not
 * say which permission was missing; `probe` (the bot's cached permissions, when this process has
 * them) narrows the list down, and otherwise every permission the call needs is named.
 */
export async function needing<T>(
  required: readonly PermissionName[],
  where: string,
  call: () => Promise<T>,
  probe?: (required: readonly PermissionName[]) => readonly PermissionName[] | undefined,
): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (isDiscordError(error, RESTJSONErrorCodes.MissingPermissions)) {
      const missing = probe?.(required);
      throw new MissingPermissionError(missing && missing.length > 0 ? missing : required, where, {
        cause: error,
      });
    }
    if (isDiscordError(error, RESTJSONErrorCodes.MissingAccess)) {
      throw new MissingPermissionError(['ViewChannel'], where, { cause: error });
    }
    throw error;
  }
}

export function isDiscordError(error: unknown, code: number): error is DiscordAPIError {
  return error instanceof DiscordAPIError && error.code === code;
}
