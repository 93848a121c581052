import { OAuth2Scopes, PermissionFlagsBits } from 'discord.js';
import type { PermissionName } from './missing-permission.ts';

/** Everything the bot uses, and nothing more: what the invite asks a server admin to grant. */
export const BOT_PERMISSIONS: readonly PermissionName[] = [
  'ViewChannel',
  'SendMessages',
  'SendMessagesInThreads',
  'ReadMessageHistory',
  'EmbedLinks',
  'AttachFiles',
  'ManageChannels',
  'ManageMessages',
  'CreatePublicThreads',
];

export function botPermissionBits(): bigint {
  return BOT_PERMISSIONS.reduce((bits, name) => bits | PermissionFlagsBits[name], 0n);
}

/**
 * The OAuth2 URL that adds the bot to a server with its permissions and slash commands. The site
 * is the one `DISCORD_API_URL` belongs to, so nothing names Discord's host but that setting.
 */
export function inviteUrl(apiUrl: string, applicationId: string): string {
  const url = new URL('/oauth2/authorize', new URL(apiUrl).origin);
  url.searchParams.set('client_id', applicationId);
  url.searchParams.set('scope', [OAuth2Scopes.Bot, OAuth2Scopes.ApplicationsCommands].join(' '));
  url.searchParams.set('permissions', botPermissionBits().toString());
  return url.toString();
}
