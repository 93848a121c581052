import type { FakeWorkspace } from './fake-workspace.ts';
import { fail, type MethodContext, need } from './method-context.ts';
import type { FakeChannel, FakeUser } from './workspace-types.ts';

/** Visibility and membership rules shared by the Web API handlers. */

export function isMember(channel: FakeChannel, userId: string): boolean {
  return channel.members.includes(userId);
}

/**
 * The channel named by `params[param]`, as the bot may see it. A private channel the bot is not
 * in does not exist for it (`channel_not_found`), as on Slack. With `allowUserId`, a user id
 * opens (or reuses) the bot's IM with that user, like chat.postMessage does.
 */
export function resolveChannel(ctx: MethodContext, param = 'channel', allowUserId = false): FakeChannel {
  const ws = ctx.workspace;
  const ref = need(ctx.params, param, 'channel_not_found');
  if (allowUserId && /^[UW]/.test(ref) && ws.users.has(ref)) return ws.openIm(ref);
  const channel = ws.findChannel(ref);
  if (!channel) return fail('channel_not_found');
  if (channel.is_private && !isMember(channel, ws.botUser.id)) return fail('channel_not_found');
  return channel;
}

export function requireMember(ws: FakeWorkspace, channel: FakeChannel): void {
  if (!isMember(channel, ws.botUser.id)) fail('not_in_channel');
}

export function requireNotArchived(channel: FakeChannel): void {
  if (channel.is_archived) fail('is_archived');
}

/** An existing, active user; otherwise `user_not_found`. */
export function resolveUser(ws: FakeWorkspace, id: string | undefined, error = 'user_not_found'): FakeUser {
  const user = id ? ws.users.get(id) : undefined;
  return user ?? fail(error);
}

/** Slack's channel-name rules, in the order Slack checks them. Returns an error code or undefined. */
export function channelNameError(name: string | undefined): string | undefined {
  if (!name) return 'invalid_name_required';
  if (name.length > 80) return 'invalid_name_maxlength';
  if (/^[-_]+$/.test(name)) return 'invalid_name_punctuation';
  if (!/^[\p{Ll}\p{Lo}\p{N}_-]+$/u.test(name)) return 'invalid_name_specials';
  return undefined;
}
