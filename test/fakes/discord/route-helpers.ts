import type { FakeDiscordState } from './fake-discord-state.ts';
import { DiscordHttpError, missingAccess, missingPermissions } from './http-errors.ts';
import type { MessagePatch, NewMessage } from './message-store.ts';
import type { FakeAttachment, FakeChannel, FakeEmoji, FakeMessage } from './model-types.ts';
import { has, Perm } from './permissions.ts';
import type { RouteContext } from './router.ts';

export type Obj = Record<string, unknown>;
export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
export const bodyOf = (ctx: RouteContext): Obj => (isObj(ctx.body) ? ctx.body : {});
export const param = (ctx: RouteContext, name: string): string => ctx.params[name] ?? '';
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** The channel, if the bot can see it: 404 10003 if unknown, 403 50001 without View Channel. */
export function viewableChannel(state: FakeDiscordState, channelId: string): FakeChannel {
  const channel = state.requireChannel(channelId);
  if (!has(state.botPermissions(channel.id), Perm.ViewChannel)) throw missingAccess();
  return channel;
}

/** 403 50013 unless the bot has every bit in `bits` in the channel (or guild-wide when channelId is null). */
export function requireBotPerm(state: FakeDiscordState, channelId: string | null, bits: bigint): void {
  if (!has(state.botPermissions(channelId), bits)) throw missingPermissions();
}

export const isThread = (c: FakeChannel): boolean => c.threadMetadata !== null;
const TEXT_TYPES = new Set([0, 1, 2, 5, 10, 11, 12, 13]);
export const isTextBased = (c: FakeChannel): boolean => TEXT_TYPES.has(c.type);

/** Turns `files[n]` uploads plus the body's `attachments` array into stored attachments. */
export function attachmentsFrom(
  ctx: RouteContext,
  channelId: string,
  keep: FakeAttachment[],
): FakeAttachment[] {
  const body = bodyOf(ctx);
  const described = Array.isArray(body.attachments) ? body.attachments.filter(isObj) : null;
  const kept = described ? keep.filter((a) => described.some((d) => String(d.id) === a.id)) : keep;
  const uploaded = ctx.files.map((file) => {
    const index = /\[(\d+)\]/.exec(file.field)?.[1] ?? file.field;
    const meta = described?.find((d) => String(d.id) === index);
    const id = ctx.state.snowflakes.next();
    const filename = str(meta?.filename) ?? file.filename;
    return {
      id,
      filename,
      size: file.size,
      contentType: file.contentType || null,
      description: str(meta?.description) ?? null,
      url: `${ctx.origin}/attachments/${channelId}/${id}/${encodeURIComponent(filename)}`,
      data: file.data,
    };
  });
  return [...kept, ...uploaded];
}

/** Mentions Discord would resolve from the content, honouring `allowed_mentions`. */
export function mentionsFrom(
  state: FakeDiscordState,
  content: string,
  allowedRaw: unknown,
  authorId: string,
) {
  const allowed = isObj(allowedRaw) ? allowedRaw : null;
  const parse = allowed && Array.isArray(allowed.parse) ? allowed.parse : null;
  const listed = (key: string, id: string) =>
    Array.isArray(allowed?.[key]) && (allowed[key] as unknown[]).includes(id);
  const ok = (kind: string, id: string) => !allowed || parse?.includes(kind) === true || listed(kind, id);
  const users = [...content.matchAll(/<@!?(\d+)>/g)]
    .map((m) => m[1] ?? '')
    .filter((id) => state.users.has(id));
  const canEveryone = has(state.permissionsOf(authorId), Perm.MentionEveryone);
  const roles = [...content.matchAll(/<@&(\d+)>/g)]
    .map((m) => m[1] ?? '')
    .filter((id) => state.roles.get(id) && (state.roles.get(id)?.mentionable || canEveryone));
  const everyone =
    /@(everyone|here)\b/.test(content) && canEveryone && (!allowed || parse?.includes('everyone') === true);
  return {
    mentionUserIds: [...new Set(users.filter((id) => ok('users', id)))],
    mentionRoleIds: [...new Set(roles.filter((id) => ok('roles', id)))],
    mentionEveryone: everyone,
  };
}

/** A NewMessage from a create-message style body (channel messages, interaction replies, follow-ups). */
export function newMessageFrom(
  ctx: RouteContext,
  payload: Obj,
  channelId: string,
  extra: Partial<NewMessage>,
): NewMessage {
  const authorId = ctx.state.ids.botUserId;
  const content = str(payload.content) ?? '';
  const ref = isObj(payload.message_reference) ? payload.message_reference : null;
  return {
    channelId,
    authorId,
    content,
    embeds: Array.isArray(payload.embeds) ? payload.embeds.map(normalizeEmbed) : [],
    components: Array.isArray(payload.components) ? payload.components : [],
    attachments: attachmentsFrom({ ...ctx, body: payload }, channelId, []),
    flags: typeof payload.flags === 'number' ? payload.flags : 0,
    tts: payload.tts === true,
    ...mentionsFrom(ctx.state, content, payload.allowed_mentions, authorId),
    messageReference: ref
      ? { messageId: str(ref.message_id) ?? null, channelId: str(ref.channel_id) ?? channelId }
      : null,
    nonce: typeof payload.nonce === 'string' || typeof payload.nonce === 'number' ? payload.nonce : null,
    ...extra,
  };
}

/** The fields of an edit body that change a message. */
export function messagePatchFrom(ctx: RouteContext, payload: Obj, msg: FakeMessage): MessagePatch {
  const patch: MessagePatch = {};
  if ('content' in payload) patch.content = str(payload.content) ?? '';
  if ('embeds' in payload)
    patch.embeds = Array.isArray(payload.embeds) ? payload.embeds.map(normalizeEmbed) : [];
  if ('components' in payload) patch.components = Array.isArray(payload.components) ? payload.components : [];
  if (typeof payload.flags === 'number') patch.flags = (msg.flags & ~(1 << 2)) | (payload.flags & (1 << 2));
  if ('attachments' in payload || ctx.files.length > 0) {
    patch.attachments = attachmentsFrom({ ...ctx, body: payload }, msg.channelId, msg.attachments);
  }
  return patch;
}

/** Embeds as Discord returns them (with `type: 'rich'`). */
function normalizeEmbed(raw: unknown): unknown {
  return isObj(raw) ? { type: 'rich', ...raw } : raw;
}

/** Parses a reaction path segment: `📌`, `name:id` or `a:name:id`. */
export function parseEmoji(segment: string): FakeEmoji {
  const parts = segment.split(':');
  if (parts.length >= 2) {
    const id = parts[parts.length - 1] ?? '';
    const name = parts[parts.length - 2] ?? '';
    if (!/^\d+$/.test(id)) throw new DiscordHttpError(400, 10014);
    return parts.length === 3 ? { id, name, animated: true } : { id, name };
  }
  if (segment.length === 0) throw new DiscordHttpError(400, 10014);
  return { id: null, name: segment };
}

export function limitParam(ctx: RouteContext, fallback: number, max: number): number {
  const raw = ctx.query.get('limit');
  if (raw === null) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > max) {
    throw new DiscordHttpError(400, 50035, 'Invalid Form Body', {
      limit: { _errors: [{ code: 'NUMBER_TYPE_MAX', message: `Must be between 1 and ${max}.` }] },
    });
  }
  return n;
}
