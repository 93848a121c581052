import type { CoreSettings } from '../core-services.ts';
import { type UserError, userError } from '../errors.ts';
import type { InboundContext } from '../inbound-event.ts';

const SETTING: Readonly<Record<string, string>> = {
  slack: 'slack.allowed_teams',
  discord: 'discord.allowed_guilds',
};

/**
 * The refusal for a delivery from a workspace the config does not list. An app can be installed
 * in (or a bot invited to) a stranger's workspace; from there nobody may declare, page or read.
 */
export function outsideAllowedWorkspaces(
  settings: CoreSettings,
  context: InboundContext,
): UserError | undefined {
  const allowed = settings.allowedWorkspaces[context.platform] ?? [];
  if (allowed.length === 0 || allowed.includes(context.workspace)) return undefined;
  const setting = SETTING[context.platform] ?? 'the allowed workspaces';
  return userError(
    'workspace_not_allowed',
    `tocsin does not answer in this workspace (${context.workspace}). Whoever runs tocsin can add it to ${setting}.`,
  );
}
