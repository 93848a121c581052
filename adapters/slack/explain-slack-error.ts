import { SlackPlatformError } from './slack-platform-error.ts';

/** The bot scope each method needs, for a `missing_scope` answer that does not name it. */
export const SCOPE_OF_METHOD: Record<string, string> = {
  'conversations.create': 'channels:manage',
  'conversations.invite': 'channels:manage',
  'conversations.join': 'channels:join',
  'conversations.list': 'channels:read',
  'conversations.history': 'channels:history',
  // Asked of private incidents' channels only (public ones need no member list).
  'conversations.members': 'groups:read',
  'conversations.replies': 'channels:history',
  'conversations.open': 'im:write',
  'chat.postMessage': 'chat:write',
  'chat.postEphemeral': 'chat:write',
  'chat.update': 'chat:write',
  'pins.add': 'pins:write',
  'pins.list': 'pins:read',
  'files.getUploadURLExternal': 'files:write',
  'files.completeUploadExternal': 'files:write',
  'files.uploadV2': 'files:write',
  'usergroups.users.list': 'usergroups:read',
  'users.info': 'users:read',
};

const where = (channel: string | undefined) => (channel ? `<#${channel}>` : 'that channel');

/**
 * What a person reads when Slack refused something tocsin tried on their behalf: what failed,
 * why, and the fix, in words an admin can act on. `doing` completes "I could not …".
 */
export function explainSlackError(error: unknown, doing: string): string {
  if (!(error instanceof SlackPlatformError)) {
    return `I could not ${doing}: something went wrong on my side. Try again in a moment.`;
  }
  const channel = where(error.channel);
  switch (error.code) {
    case 'missing_scope': {
      const scope = error.neededScope ?? SCOPE_OF_METHOD[error.method] ?? 'the scope it needs';
      return (
        `I could not ${doing}: this Slack app is missing the \`${scope}\` permission (${error.method}). ` +
        `Fix: an admin adds \`${scope}\` under OAuth & Permissions → Bot Token Scopes in the app's settings ` +
        '(slack-app-manifest.yml lists every scope tocsin needs), reinstalls the app to the workspace, and you try again.'
      );
    }
    case 'not_in_channel':
      return `I could not ${doing}: I am not a member of ${channel}. Fix: invite me with \`/invite @tocsin\` there, then try again.`;
    case 'channel_not_found':
      return `I could not ${doing}: I cannot see ${channel}. If it is a private channel, invite me with \`/invite @tocsin\`; if it was deleted, use another one.`;
    case 'is_archived':
    case 'channel_is_archived':
      return `I could not ${doing}: ${channel} is archived. Fix: unarchive it (channel settings → Unarchive), or run the command in an active channel.`;
    case 'invalid_auth':
    case 'not_authed':
    case 'token_revoked':
    case 'token_expired':
    case 'account_inactive':
      return `I could not ${doing}: Slack rejected my bot token (${error.code}). Fix: reinstall the app and set the new SLACK_BOT_TOKEN.`;
    case 'restricted_action':
    case 'no_permission':
      return `I could not ${doing}: a workspace setting does not allow apps to do this (${error.code}). Fix: ask a workspace admin to allow it, or do it by hand.`;
    case 'ratelimited':
      return `I could not ${doing}: Slack is rate-limiting me. Try again in ${error.retryAfterSeconds ?? 'a few'} seconds.`;
    default:
      return error.transient
        ? `I could not ${doing}: Slack did not answer properly (${error.code}). Try again in a moment.`
        : `I could not ${doing}: Slack refused it (${error.code}).`;
  }
}
