import { randomBytes } from 'node:crypto';
import type { FakeWorkspace } from './fake-workspace.ts';
import type { ResponseUrlContext } from './interaction-tokens.ts';
import { FAKE_IDS } from './workspace-seed.ts';

/**
 * Builders for what Slack sends to an app: slash command forms, Events API envelopes and
 * interaction payloads, with the fields and defaults real Slack fills in. The same payloads go
 * over HTTP (slack-event-sender) and Socket Mode (fake-socket-mode `sendEnvelope`).
 */

/** Where payloads get their team, app, response_url and trigger_id from (a FakeSlack is one). */
export interface SlackPayloadContext {
  teamId: string;
  teamDomain: string;
  appId: string;
  botUserId: string;
  createResponseUrl(context?: ResponseUrlContext): string;
  issueTriggerId(): string;
  userName?(id: string): string | undefined;
  channelName?(id: string): string | undefined;
}

/** A context for use without a fake: response_urls point nowhere useful. */
export const standaloneContext: SlackPayloadContext = {
  teamId: FAKE_IDS.team,
  teamDomain: 'tocsin-fake',
  appId: FAKE_IDS.app,
  botUserId: FAKE_IDS.botUser,
  createResponseUrl: () => `http://127.0.0.1:9/response-url/${randomBytes(8).toString('hex')}`,
  issueTriggerId: () => `${Math.floor(Date.now() / 1000)}.1.${randomBytes(16).toString('hex')}`,
};

const VERIFICATION_TOKEN = 'fake-verification-token';

export interface SlashCommandInput {
  command?: string;
  text?: string;
  user_id?: string;
  user_name?: string;
  channel_id?: string;
  channel_name?: string;
  team_id?: string;
  team_domain?: string;
  trigger_id?: string;
  response_url?: string;
}

/** The fields of a slash command request (sent form-encoded over HTTP, as an object over Socket Mode). */
export function slashCommandPayload(
  ctx: SlackPayloadContext,
  input: SlashCommandInput = {},
): Record<string, string> {
  const userId = input.user_id ?? FAKE_IDS.alice;
  const channelId = input.channel_id ?? FAKE_IDS.general;
  return {
    token: VERIFICATION_TOKEN,
    team_id: input.team_id ?? ctx.teamId,
    team_domain: input.team_domain ?? ctx.teamDomain,
    channel_id: channelId,
    channel_name: input.channel_name ?? ctx.channelName?.(channelId) ?? 'general',
    user_id: userId,
    user_name: input.user_name ?? ctx.userName?.(userId) ?? 'alice',
    command: input.command ?? '/incident',
    text: input.text ?? '',
    api_app_id: ctx.appId,
    is_enterprise_install: 'false',
    response_url: input.response_url ?? ctx.createResponseUrl({ channelId, userId }),
    trigger_id: input.trigger_id ?? ctx.issueTriggerId(),
  };
}

export interface EventEnvelopeOptions {
  eventId?: string;
  /** Epoch seconds. */
  eventTime?: number;
}

/** An Events API `event_callback` envelope around `event`. */
export function eventCallbackPayload(
  ctx: SlackPayloadContext,
  event: Record<string, unknown>,
  options: EventEnvelopeOptions = {},
): Record<string, unknown> {
  return {
    token: VERIFICATION_TOKEN,
    team_id: ctx.teamId,
    context_team_id: ctx.teamId,
    context_enterprise_id: null,
    api_app_id: ctx.appId,
    event,
    type: 'event_callback',
    event_id: options.eventId ?? `Ev${randomBytes(5).toString('hex').toUpperCase()}`,
    event_time: options.eventTime ?? Math.floor(Date.now() / 1000),
    authorizations: [
      {
        enterprise_id: null,
        team_id: ctx.teamId,
        user_id: ctx.botUserId,
        is_bot: true,
        is_enterprise_install: false,
      },
    ],
    is_ext_shared_channel: false,
  };
}

export function urlVerificationPayload(challenge: string): Record<string, unknown> {
  return { token: VERIFICATION_TOKEN, challenge, type: 'url_verification' };
}

export interface MessageEventInput {
  text: string;
  channel?: string;
  user?: string;
  ts?: string;
  thread_ts?: string;
  channel_type?: 'channel' | 'group' | 'im' | 'mpim';
  subtype?: string;
  files?: Record<string, unknown>[];
}

/** A `message` event as a human posted it. */
export function messageEvent(input: MessageEventInput): Record<string, unknown> {
  const ts =
    input.ts ??
    `${Math.floor(Date.now() / 1000)}.${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;
  return {
    type: 'message',
    channel: input.channel ?? FAKE_IDS.general,
    user: input.user ?? FAKE_IDS.alice,
    text: input.text,
    ts,
    event_ts: ts,
    channel_type: input.channel_type ?? 'channel',
    client_msg_id: crypto.randomUUID(),
    team: FAKE_IDS.team,
    ...(input.thread_ts ? { thread_ts: input.thread_ts } : {}),
    ...(input.subtype ? { subtype: input.subtype } : {}),
    ...(input.files ? { files: input.files } : {}),
  };
}

/**
 * Stores a human's message in the fake workspace (so history/replies see it) and returns the
 * matching `message` event to send to the bot.
 */
export function humanMessage(workspace: FakeWorkspace, input: MessageEventInput): Record<string, unknown> {
  const channel = input.channel ?? FAKE_IDS.general;
  const user = input.user ?? FAKE_IDS.alice;
  const stored = workspace.addMessage(channel, {
    text: input.text,
    user,
    ...(input.thread_ts ? { thread_ts: input.thread_ts } : {}),
    ...(input.subtype ? { subtype: input.subtype } : {}),
    ...(input.files ? { files: input.files } : {}),
  });
  const channelType = workspace.channels.get(channel)?.is_im
    ? 'im'
    : workspace.channels.get(channel)?.is_private
      ? 'group'
      : 'channel';
  return messageEvent({ channel_type: channelType, ...input, channel, user, ts: stored.ts });
}

/** An `app_mention` event (`text` should contain `<@BOT_USER_ID>`). */
export function appMentionEvent(input: MessageEventInput): Record<string, unknown> {
  const { channel_type: _notOnMentions, ...rest } = messageEvent(input);
  return { ...rest, type: 'app_mention' };
}

function actor(ctx: SlackPayloadContext, userId: string) {
  const name = ctx.userName?.(userId) ?? userId.toLowerCase();
  return {
    team: { id: ctx.teamId, domain: ctx.teamDomain },
    user: { id: userId, username: name, name, team_id: ctx.teamId },
    api_app_id: ctx.appId,
    token: VERIFICATION_TOKEN,
    is_enterprise_install: false,
    enterprise: null,
  };
}

export interface BlockActionInput {
  actions: { action_id: string; value?: string; block_id?: string; type?: string; text?: string }[];
  user_id?: string;
  channel_id?: string;
  /** The message holding the buttons (its `ts` becomes `container.message_ts`). */
  message?: Record<string, unknown> & { ts: string };
  trigger_id?: string;
  response_url?: string;
}

export function blockActionsPayload(
  ctx: SlackPayloadContext,
  input: BlockActionInput,
): Record<string, unknown> {
  const userId = input.user_id ?? FAKE_IDS.alice;
  const channelId = input.channel_id ?? FAKE_IDS.general;
  const message = input.message ?? {
    type: 'message',
    ts: `${Math.floor(Date.now() / 1000)}.000100`,
    text: '',
  };
  const actionTs = (Date.now() / 1000).toFixed(6);
  return {
    type: 'block_actions',
    ...actor(ctx, userId),
    container: { type: 'message', message_ts: message.ts, channel_id: channelId, is_ephemeral: false },
    trigger_id: input.trigger_id ?? ctx.issueTriggerId(),
    channel: { id: channelId, name: ctx.channelName?.(channelId) ?? channelId },
    message,
    state: { values: {} },
    response_url: input.response_url ?? ctx.createResponseUrl({ channelId, userId, messageTs: message.ts }),
    actions: input.actions.map((a) => ({
      action_id: a.action_id,
      block_id: a.block_id ?? randomBytes(3).toString('hex'),
      text: { type: 'plain_text', text: a.text ?? a.action_id, emoji: true },
      ...(a.value !== undefined ? { value: a.value } : {}),
      type: a.type ?? 'button',
      action_ts: actionTs,
    })),
  };
}

export interface ViewSubmissionInput {
  callback_id: string;
  user_id?: string;
  private_metadata?: string;
  /** state.values: { [block_id]: { [action_id]: { type, value | selected_option … } } } */
  values?: Record<string, Record<string, Record<string, unknown>>>;
  view_id?: string;
  trigger_id?: string;
}

export function viewSubmissionPayload(
  ctx: SlackPayloadContext,
  input: ViewSubmissionInput,
): Record<string, unknown> {
  const userId = input.user_id ?? FAKE_IDS.alice;
  return {
    type: 'view_submission',
    ...actor(ctx, userId),
    trigger_id: input.trigger_id ?? ctx.issueTriggerId(),
    view: {
      id: input.view_id ?? `V0${randomBytes(4).toString('hex').toUpperCase()}`,
      team_id: ctx.teamId,
      type: 'modal',
      blocks: [],
      private_metadata: input.private_metadata ?? '',
      callback_id: input.callback_id,
      state: { values: input.values ?? {} },
      hash: `${Math.floor(Date.now() / 1000)}.${randomBytes(4).toString('hex')}`,
      title: { type: 'plain_text', text: 'Modal' },
      app_id: ctx.appId,
      bot_id: FAKE_IDS.bot,
    },
    response_urls: [],
  };
}

export interface ShortcutInput {
  callback_id: string;
  user_id?: string;
  /** Message shortcuts only: where and on what message. */
  channel_id?: string;
  message?: Record<string, unknown> & { ts: string };
  trigger_id?: string;
}

/** A message shortcut (`message_action`) when `message` is given, else a global `shortcut`. */
export function shortcutPayload(ctx: SlackPayloadContext, input: ShortcutInput): Record<string, unknown> {
  const userId = input.user_id ?? FAKE_IDS.alice;
  const common = {
    ...actor(ctx, userId),
    callback_id: input.callback_id,
    trigger_id: input.trigger_id ?? ctx.issueTriggerId(),
    action_ts: (Date.now() / 1000).toFixed(6),
  };
  if (!input.message) return { type: 'shortcut', ...common };
  const channelId = input.channel_id ?? FAKE_IDS.general;
  return {
    type: 'message_action',
    ...common,
    channel: { id: channelId, name: ctx.channelName?.(channelId) ?? channelId },
    message_ts: input.message.ts,
    message: input.message,
    response_url: ctx.createResponseUrl({ channelId, userId, messageTs: input.message.ts }),
  };
}
