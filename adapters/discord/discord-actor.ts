import type { User } from 'discord.js';
import type { Actor } from '../../src/core/public-api.ts';

/** A guild member as discord.js gives it (cached) or as the raw interaction payload has it. */
type MemberLike = { displayName: string } | { nick?: string | null } | null | undefined;

/** A person as the log records them: their Discord id, and the name the guild shows for them. */
export function actorOf(user: User, member?: MemberLike): Actor {
  return { id: user.id, name: displayName(user, member) };
}

export function displayName(user: User, member?: MemberLike): string {
  const nick = member && 'displayName' in member ? member.displayName : (member?.nick ?? null);
  return nick || user.globalName || user.username;
}

/**
 * A user option as the core's grammar reads a mention. The name rides along (`<@id|name>`, which
 * the core's mention parser accepts) so timelines and postmortems say who, not a number.
 */
export function userMention(user: User, member?: MemberLike): string {
  const name = displayName(user, member).replace(/[<>|]/g, '').trim();
  return name ? `<@${user.id}|${name}>` : `<@${user.id}>`;
}

/** How an actor appears in an embed: Discord users as mentions (rendered, never pinged there). */
export function mentionOrName(actor: Actor): string {
  return /^\d{15,21}$/.test(actor.id) ? `<@${actor.id}>` : actor.name;
}

/** The role ids of an interaction's member, for permission rules (the payload carries them: no lookup). */
export function rolesOf(member: unknown): () => Promise<readonly string[]> {
  const roles = (member as { roles?: unknown } | null | undefined)?.roles;
  const ids: readonly string[] = Array.isArray(roles)
    ? roles.filter((id): id is string => typeof id === 'string')
    : roles && typeof roles === 'object' && 'cache' in roles
      ? [...(roles as { cache: Map<string, unknown> }).cache.keys()]
      : [];
  return async () => ids;
}
