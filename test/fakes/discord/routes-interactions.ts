import { DiscordHttpError } from './http-errors.ts';
import { checkMessagePayload } from './message-limits.ts';
import type { FakeInteractionRecord, FakeMessage } from './model-types.ts';
import { bodyOf, isObj, messagePatchFrom, newMessageFrom, type Obj, param } from './route-helpers.ts';
import { json, noContent, type RouteContext, type RouteDef } from './router.ts';
import { messageWire, userWire } from './wire.ts';

/** Interaction callbacks and the interaction webhook (follow-ups, `@original`). */

const EPHEMERAL = 1 << 6;
const LOADING = 1 << 7;

function interactionMetadata(ctx: RouteContext, record: FakeInteractionRecord): Obj {
  const user = ctx.state.users.get(record.userId);
  return {
    id: record.id,
    type: record.type,
    user: user ? userWire(user) : { id: record.userId },
    authorizing_integration_owners: record.guildId ? { '0': record.guildId } : { '1': record.userId },
  };
}

/** Creates the reply message of callback 4/5 or a follow-up. */
function replyMessage(
  ctx: RouteContext,
  record: FakeInteractionRecord,
  payload: Obj,
  flags: number,
): FakeMessage {
  return ctx.state.messages.create(
    newMessageFrom(ctx, payload, record.channelId, {
      flags,
      type: record.type === 2 ? 20 : 0,
      webhookId: record.applicationId,
      applicationId: record.applicationId,
      interactionMetadata: interactionMetadata(ctx, record),
    }),
  );
}

function callback(ctx: RouteContext) {
  const state = ctx.state;
  const record = state.commands.requireInteraction(
    param(ctx, 'interaction_id'),
    param(ctx, 'interaction_token'),
  );
  if (record.responseType !== null) throw new DiscordHttpError(400, 40060);
  const body = bodyOf(ctx);
  const type = typeof body.type === 'number' ? body.type : 0;
  const data = isObj(body.data) ? body.data : {};
  const dataFlags = typeof data.flags === 'number' ? data.flags : 0;
  let message: FakeMessage | null = null;
  if (type === 4) {
    checkMessagePayload(data, { create: true, fileCount: ctx.files.length, prefix: ['data'] });
    message = replyMessage(ctx, record, data, dataFlags);
  } else if (type === 5) {
    message = replyMessage(ctx, record, {}, (dataFlags & EPHEMERAL) | LOADING);
  } else if (type === 6 || type === 7) {
    if (!record.messageId) throw new DiscordHttpError(400, 40004, 'Interaction has no message to update');
    message = state.messages.findById(record.messageId) ?? null;
    if (type === 7) {
      checkMessagePayload(data, { create: false, fileCount: ctx.files.length, prefix: ['data'] });
      if (message) state.messages.edit(message, messagePatchFrom(ctx, data, message));
    }
  } else if (![1, 8, 9, 10, 12].includes(type)) {
    throw new DiscordHttpError(400, 50035, 'Invalid Form Body', {
      type: {
        _errors: [
          { code: 'BASE_TYPE_CHOICES', message: `Value must be one of {1, 4, 5, 6, 7, 8, 9, 10, 12}.` },
        ],
      },
    });
  }
  record.responseType = type;
  record.originalMessageId = message?.id ?? null;
  state.commands.callbacks.push({
    interactionId: record.id,
    type,
    data: isObj(body.data) ? body.data : null,
    at: state.now(),
  });
  if (ctx.query.get('with_response') !== 'true') return noContent();
  return json({
    interaction: {
      id: record.id,
      type: record.type,
      ...(message
        ? {
            response_message_id: message.id,
            response_message_loading: (message.flags & LOADING) !== 0,
            response_message_ephemeral: (message.flags & EPHEMERAL) !== 0,
          }
        : {}),
    },
    resource: {
      type,
      ...(message && (type === 4 || type === 7) ? { message: messageWire(state, message) } : {}),
    },
  });
}

/** The interaction behind `/webhooks/:webhook_id/:webhook_token`; 404 10015 if none or not yet acknowledged. */
function hookInteraction(ctx: RouteContext): FakeInteractionRecord {
  const record = ctx.state.commands.requireByToken(param(ctx, 'webhook_id'), param(ctx, 'webhook_token'));
  if (record.responseType === null) throw new DiscordHttpError(404, 10015);
  return record;
}

function hookMessage(ctx: RouteContext): FakeMessage {
  const record = hookInteraction(ctx);
  const id = param(ctx, 'message_id');
  const messageId = id === '@original' ? record.originalMessageId : id;
  const allowed = id === '@original' || record.followUpMessageIds.includes(id);
  const msg = allowed && messageId ? ctx.state.messages.findById(messageId) : undefined;
  if (!msg) throw new DiscordHttpError(404, 10008);
  return msg;
}

function followUp(ctx: RouteContext) {
  const record = hookInteraction(ctx);
  const body = bodyOf(ctx);
  checkMessagePayload(body, { create: true, fileCount: ctx.files.length });
  const flags = typeof body.flags === 'number' ? body.flags : 0;
  const msg = replyMessage(ctx, record, body, flags);
  record.followUpMessageIds.push(msg.id);
  return ctx.query.get('wait') === 'true' ? json(messageWire(ctx.state, msg)) : noContent();
}

function editHookMessage(ctx: RouteContext) {
  const msg = hookMessage(ctx);
  const body = bodyOf(ctx);
  checkMessagePayload(body, { create: false, fileCount: ctx.files.length });
  const patch = messagePatchFrom(ctx, body, msg);
  // Editing a deferred ("thinking…") reply turns it into a normal message.
  patch.flags = (patch.flags ?? msg.flags) & ~LOADING;
  return json(messageWire(ctx.state, ctx.state.messages.edit(msg, patch)));
}

const hook = '/webhooks/:webhook_id/:webhook_token';
export const interactionRoutes: RouteDef[] = [
  {
    method: 'POST',
    pattern: '/interactions/:interaction_id/:interaction_token/callback',
    auth: false,
    handler: callback,
  },
  { method: 'POST', pattern: hook, auth: false, handler: followUp },
  {
    method: 'GET',
    pattern: `${hook}/messages/:message_id`,
    auth: false,
    handler: (ctx) => json(messageWire(ctx.state, hookMessage(ctx))),
  },
  { method: 'PATCH', pattern: `${hook}/messages/:message_id`, auth: false, handler: editHookMessage },
  {
    method: 'DELETE',
    pattern: `${hook}/messages/:message_id`,
    auth: false,
    handler: (ctx) => {
      ctx.state.messages.delete(hookMessage(ctx));
      return noContent();
    },
  },
];
