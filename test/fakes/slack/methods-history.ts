import { requireMember, resolveChannel } from './channel-access.ts';
import { compareTs } from './fake-workspace.ts';
import {
  bool,
  decodeCursor,
  encodeCursor,
  fail,
  int,
  type MethodContext,
  type MethodHandler,
  need,
  str,
} from './method-context.ts';
import { messageObject } from './wire-shapes.ts';
import type { FakeMessage } from './workspace-types.ts';

/** Keeps messages inside the [oldest, latest] window (bounds exclusive unless `inclusive`). */
function inWindow(ctx: MethodContext, messages: FakeMessage[]): FakeMessage[] {
  const oldest = str(ctx.params, 'oldest') ?? '0';
  const latest = str(ctx.params, 'latest');
  const inclusive = bool(ctx.params, 'inclusive');
  return messages.filter((m) => {
    const lo = compareTs(m.ts, oldest);
    if (lo < 0 || (lo === 0 && !inclusive)) return false;
    if (latest === undefined) return true;
    const hi = compareTs(m.ts, latest);
    return hi < 0 || (hi === 0 && inclusive);
  });
}

function limitOf(ctx: MethodContext): number {
  return Math.min(Math.max(int(ctx.params, 'limit', 100), 1), 999);
}

/** One page of `ordered` starting after the cursor's ts, in the order given. */
function paginate(ctx: MethodContext, ordered: FakeMessage[], newestFirst: boolean) {
  const cursorTs = decodeCursor(str(ctx.params, 'cursor'), 'next_ts');
  const rest =
    cursorTs === undefined
      ? ordered
      : ordered.filter((m) =>
          newestFirst ? compareTs(m.ts, cursorTs) <= 0 : compareTs(m.ts, cursorTs) >= 0,
        );
  const limit = limitOf(ctx);
  const slice = rest.slice(0, limit);
  const next = rest[limit];
  return {
    slice,
    has_more: next !== undefined,
    response_metadata: { next_cursor: next ? encodeCursor('next_ts', next.ts) : '' },
  };
}

export const historyMethods: Record<string, MethodHandler> = {
  /** Newest first; `oldest`/`latest`/`inclusive` bound the window; `cursor`/`limit` page it. */
  'conversations.history': (ctx) => {
    const ws = ctx.workspace;
    const channel = resolveChannel(ctx);
    requireMember(ws, channel);
    const ordered = inWindow(ctx, ws.topLevel(channel.id)).reverse();
    const { slice, has_more, response_metadata } = paginate(ctx, ordered, true);
    return {
      messages: slice.map(messageObject),
      has_more,
      pin_count: ws.pins(channel.id).length,
      channel_actions_ts: null,
      channel_actions_count: 0,
      response_metadata,
    };
  },

  /** The parent first, then replies oldest first. The parent heads every page, as on Slack. */
  'conversations.replies': (ctx) => {
    const ws = ctx.workspace;
    const channel = resolveChannel(ctx);
    requireMember(ws, channel);
    const ts = need(ctx.params, 'ts', 'thread_not_found');
    const thread = ws.thread(channel.id, ts);
    const [parent, ...replies] = thread;
    if (!parent) fail('thread_not_found');
    const { slice, has_more, response_metadata } = paginate(ctx, inWindow(ctx, replies), false);
    return { messages: [parent, ...slice].map(messageObject), has_more, response_metadata };
  },
};
