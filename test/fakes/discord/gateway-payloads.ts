import type { FakeDiscordState } from './fake-discord-state.ts';
import { Intent, PRIVILEGED_INTENTS } from './gateway-intents.ts';
import { memberWire, userWire } from './wire.ts';

/** Gateway payloads the fake sends on its own: READY and GUILD_MEMBERS_CHUNK, plus privileged-intent rules. */

export interface PrivilegedIntents {
  guildMembers?: boolean;
  guildPresences?: boolean;
  messageContent?: boolean;
}

/** Privileged intents that are switched off for the app; identifying with one closes the socket with 4014. */
export function disallowedIntents(p: PrivilegedIntents = {}): number {
  let disallowed = 0;
  if (p.guildMembers === false) disallowed |= Intent.GuildMembers;
  if (p.guildPresences === false) disallowed |= Intent.GuildPresences;
  if (p.messageContent === false) disallowed |= Intent.MessageContent;
  return disallowed & PRIVILEGED_INTENTS;
}

/** GATEWAY_PRESENCE_LIMITED / GATEWAY_GUILD_MEMBERS_LIMITED / GATEWAY_MESSAGE_CONTENT_LIMITED for enabled intents. */
export function applicationFlags(p: PrivilegedIntents = {}): number {
  return (
    (p.guildPresences === false ? 0 : 1 << 13) |
    (p.guildMembers === false ? 0 : 1 << 15) |
    (p.messageContent === false ? 0 : 1 << 19)
  );
}

export function readyPayload(
  state: FakeDiscordState,
  sessionId: string,
  resumeUrl: string,
  shard: unknown,
  privileged: PrivilegedIntents = {},
  hasGuild = true,
): Record<string, unknown> {
  return {
    v: 10,
    user: { ...userWire(state.botUser), verified: true, mfa_enabled: false },
    guilds: hasGuild ? [{ id: state.guild.id, unavailable: true }] : [],
    session_id: sessionId,
    resume_gateway_url: resumeUrl,
    shard: Array.isArray(shard) ? shard : [0, 1],
    application: { id: state.ids.applicationId, flags: applicationFlags(privileged) },
    private_channels: [],
    presences: [],
    relationships: [],
    guild_join_requests: [],
    user_settings: {},
    session_type: 'normal',
    auth: {},
    geo_ordered_rtc_regions: [],
  };
}

/** Answer to op 8 (Request Guild Members): one chunk, filtered by `user_ids` or username prefix `query`. */
export function membersChunkPayload(
  state: FakeDiscordState,
  d: Record<string, unknown>,
): Record<string, unknown> {
  const query = typeof d.query === 'string' ? d.query.toLowerCase() : '';
  const ids = Array.isArray(d.user_ids)
    ? d.user_ids.map(String)
    : typeof d.user_ids === 'string'
      ? [d.user_ids]
      : null;
  const limit = typeof d.limit === 'number' && d.limit > 0 ? d.limit : Number.POSITIVE_INFINITY;
  const members = [...state.members.keys()]
    .filter((id) => (ids ? ids.includes(id) : state.users.get(id)?.username.toLowerCase().startsWith(query)))
    .slice(0, limit)
    .flatMap((id) => memberWire(state, id) ?? []);
  const notFound = ids ? ids.filter((id) => !state.members.has(id)) : [];
  return {
    guild_id: state.guild.id,
    members,
    chunk_index: 0,
    chunk_count: 1,
    ...(notFound.length > 0 ? { not_found: notFound } : {}),
    ...(d.nonce !== undefined ? { nonce: d.nonce } : {}),
  };
}
