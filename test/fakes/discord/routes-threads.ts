import type { FakeDiscordState } from './fake-discord-state.ts';
import { DiscordHttpError } from './http-errors.ts';
import type { FakeChannel } from './model-types.ts';
import { Perm } from './permissions.ts';
import { param, requireBotPerm, viewableChannel } from './route-helpers.ts';
import { json, type RouteContext, type RouteDef } from './router.ts';
import { channelWire } from './wire.ts';

/** Thread listings: the guild's active threads, and a channel's archived public or private ones. */

function threadsOf(state: FakeDiscordState, filter: (thread: FakeChannel) => boolean): FakeChannel[] {
  return [...state.channels.values()].filter((channel) => channel.threadMetadata !== null && filter(channel));
}

function listing(state: FakeDiscordState, threads: FakeChannel[], hasMore?: boolean) {
  return json({
    threads: threads.map((thread) => channelWire(state, thread)),
    members: [],
    ...(hasMore === undefined ? {} : { has_more: hasMore }),
  });
}

function activeThreads(ctx: RouteContext) {
  const guildId = param(ctx, 'guild_id');
  if (guildId !== ctx.state.guild.id) throw new DiscordHttpError(404, 10004);
  return listing(
    ctx.state,
    threadsOf(ctx.state, (thread) => !thread.threadMetadata?.archived),
  );
}

function archivedThreads(ctx: RouteContext, type: 11 | 12) {
  const parent = viewableChannel(ctx.state, param(ctx, 'channel_id'));
  requireBotPerm(ctx.state, parent.id, Perm.ReadMessageHistory);
  if (type === 12) requireBotPerm(ctx.state, parent.id, Perm.ManageThreads);
  const limit = Math.min(100, Math.max(2, Number(ctx.query.get('limit') ?? 50)));
  const before = ctx.query.get('before');
  const archived = threadsOf(
    ctx.state,
    (thread) =>
      thread.parentId === parent.id &&
      thread.type === type &&
      thread.threadMetadata?.archived === true &&
      (!before || (thread.threadMetadata?.archiveTimestamp ?? '') < before),
  ).sort((a, b) =>
    (b.threadMetadata?.archiveTimestamp ?? '').localeCompare(a.threadMetadata?.archiveTimestamp ?? ''),
  );
  return listing(ctx.state, archived.slice(0, limit), archived.length > limit);
}

export const threadRoutes: RouteDef[] = [
  { method: 'GET', pattern: '/guilds/:guild_id/threads/active', handler: activeThreads },
  {
    method: 'GET',
    pattern: '/channels/:channel_id/threads/archived/public',
    handler: (ctx) => archivedThreads(ctx, 11),
  },
  {
    method: 'GET',
    pattern: '/channels/:channel_id/threads/archived/private',
    handler: (ctx) => archivedThreads(ctx, 12),
  },
];
