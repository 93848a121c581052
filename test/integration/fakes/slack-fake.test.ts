import { webApi } from '@slack/bolt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  blockActionsPayload,
  capturingLogger,
  createSlackEventSender,
  eventCallbackPayload,
  FAKE_IDS,
  type FakeSlack,
  fakeClientOptions,
  humanMessage,
  messageEvent,
  type OutboundWatch,
  type RunningBoltApp,
  slashCommandPayload,
  startBoltHttpApp,
  startBoltSocketApp,
  startFakeSlack,
  watchOutboundConnections,
} from '../../fakes/slack/index.ts';

let fake: FakeSlack;
let running: RunningBoltApp | undefined;
let outbound: OutboundWatch;

beforeEach(async () => {
  outbound = watchOutboundConnections();
  fake = await startFakeSlack({ socketModePingIntervalMs: 0 });
});

afterEach(async () => {
  await running?.stop();
  running = undefined;
  await fake.close();
  outbound.stop();
  expect(outbound.nonLoopback()).toEqual([]);
});

const client = (extra: Parameters<typeof fakeClientOptions>[1] = {}) =>
  new webApi.WebClient(fake.botToken, fakeClientOptions(fake, { logger: capturingLogger(), ...extra }));

describe('fake Slack driving the real Bolt App over HTTP', () => {
  const sender = () =>
    createSlackEventSender({
      url: running?.eventsUrl ?? '',
      signingSecret: fake.signingSecret,
      context: fake,
    });

  async function startIncidentApp(receiverKind: 'http' | 'express' = 'http') {
    running = await startBoltHttpApp(
      fake,
      (app) => {
        app.command('/incident', async ({ ack, command, client: web, respond }) => {
          await ack();
          await web.chat.postMessage({
            channel: command.channel_id,
            text: `Incident declared: ${command.text}`,
          });
          await respond({ text: 'on it', response_type: 'ephemeral' });
        });
      },
      { receiverKind },
    );
  }

  it.each(['http', 'express'] as const)(
    'acks /incident, posts via slackApiUrl, replies via response_url (%s receiver)',
    async (kind) => {
      await startIncidentApp(kind);
      const answer = await sender().sendSlashCommand({ text: 'db is down', user_id: FAKE_IDS.alice });
      expect(answer.status).toBe(200);
      const post = await fake.waitForCall('chat.postMessage');
      expect(post.params).toMatchObject({ channel: FAKE_IDS.general, text: 'Incident declared: db is down' });
      expect(post.token).toBe(fake.botToken);
      expect(post.response?.ok).toBe(true);
      expect(fake.workspace.topLevel(FAKE_IDS.general).map((m) => m.text)).toContain(
        'Incident declared: db is down',
      );
      const reply = await fake.waitForResponseUrlPost();
      expect(reply.body).toMatchObject({ text: 'on it' });
      expect(reply.url).toBe(answer.payload.response_url);
      expect(fake.callsTo('auth.test').length).toBeGreaterThan(0);
      expect(fake.calls.every((c) => c.headers.host === new URL(fake.url).host)).toBe(true);
      expect(fake.specViolations()).toEqual([]);
    },
  );

  it.each(['http', 'express'] as const)(
    'answers 401 to a bad signature and a stale timestamp (%s receiver)',
    async (kind) => {
      await startIncidentApp(kind);
      const bad = await sender().sendSlashCommand({ text: 'x' }, { badSignature: true });
      const stale = await sender().sendSlashCommand({ text: 'x' }, { staleTimestamp: true });
      expect([bad.status, stale.status]).toEqual([401, 401]);
      expect(fake.callsTo('chat.postMessage')).toHaveLength(0);
    },
  );

  it('delivers event callbacks (with retry headers) and answers url_verification', async () => {
    const seen: { text: unknown; retryNum: unknown }[] = [];
    running = await startBoltHttpApp(fake, (app) => {
      app.event('message', async ({ event, context }) => {
        seen.push({ text: 'text' in event ? event.text : undefined, retryNum: context.retryNum });
      });
    });
    const verification = await sender().sendUrlVerification('chal-123');
    expect(verification.json).toEqual({ challenge: 'chal-123' });
    const event = humanMessage(fake.workspace, { text: 'hello bot', user: FAKE_IDS.bob });
    const answer = await sender().sendEvent(event, { eventId: 'Ev0001', retryNum: 1 });
    expect(answer.status).toBe(200);
    expect(answer.payload).toMatchObject({
      type: 'event_callback',
      event_id: 'Ev0001',
      team_id: fake.teamId,
    });
    expect(fake.workspace.findMessage(FAKE_IDS.general, String(event.ts))?.user).toBe(FAKE_IDS.bob);
    await expect.poll(() => seen).toEqual([{ text: 'hello bot', retryNum: 1 }]);
  });

  it('routes a block action, and views.open accepts the trigger_id the fake issued', async () => {
    running = await startBoltHttpApp(fake, (app) => {
      app.action('ack_incident', async ({ ack, body, client: web }) => {
        await ack();
        const trigger = 'trigger_id' in body ? String(body.trigger_id) : '';
        await web.views.open({
          trigger_id: trigger,
          view: { type: 'modal', title: { type: 'plain_text', text: 'Ack' }, blocks: [] },
        });
      });
    });
    const payload = blockActionsPayload(fake, { actions: [{ action_id: 'ack_incident', value: 'INC-1' }] });
    expect((await sender().sendInteraction(payload)).status).toBe(200);
    const open = await fake.waitForCall('views.open');
    expect(open.response).toMatchObject({ ok: true, view: { type: 'modal' } });
  });
});

describe('fake Slack driving the real Bolt App over Socket Mode', () => {
  it('hands out a ws:// URL, says hello, and gets slash command envelopes acked', async () => {
    running = await startBoltSocketApp(fake, (app) => {
      app.command('/incident', async ({ ack, command, client: web }) => {
        await ack({ text: 'declaring…' });
        await web.chat.postMessage({ channel: command.channel_id, text: `socket: ${command.text}` });
      });
    });
    const open = fake.callsTo('apps.connections.open')[0];
    expect(open?.token).toBe(fake.appToken);
    expect(String(open?.response?.url)).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/socket-mode\?ticket=/);
    const ack = await fake.socketMode.sendEnvelope(
      'slash_commands',
      slashCommandPayload(fake, { text: 'api 500s' }),
    );
    expect(ack.payload).toEqual({ text: 'declaring…' });
    const post = await fake.waitForCall('chat.postMessage');
    expect(post.params.text).toBe('socket: api 500s');
  });

  it('reconnects after a disconnect message and keeps receiving envelopes', async () => {
    const texts: string[] = [];
    const reconnectFast = { clientPingTimeoutMs: 200 };
    running = await startBoltSocketApp(
      fake,
      (app) => {
        app.event('message', async ({ event }) => {
          if ('text' in event && event.text) texts.push(event.text);
        });
      },
      reconnectFast,
    );
    await fake.socketMode.sendDisconnect('refresh_requested');
    await fake.socketMode.waitForConnection({ minTotal: 2 });
    const ack = await fake.socketMode.sendEnvelope(
      'events_api',
      eventCallbackPayload(fake, messageEvent({ text: 'after reconnect' })),
    );
    expect(ack.connectionId).toBe(2);
    await expect.poll(() => texts).toEqual(['after reconnect']);
    expect(fake.callsTo('apps.connections.open')).toHaveLength(2);
  });
});

describe('fake Slack Web API through the real WebClient', () => {
  it('rejects 51 blocks with invalid_blocks, as Slack does', async () => {
    const blocks = Array.from({ length: 51 }, () => ({ type: 'divider' }));
    const error = await client()
      .chat.postMessage({ channel: FAKE_IDS.general, text: 'x', blocks })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      data: {
        ok: false,
        error: 'invalid_blocks',
        errors: ['no more than 50 items allowed [json-pointer:/blocks]'],
      },
    });
    const post = fake.callsTo('chat.postMessage')[0];
    expect(Array.isArray(post?.params.blocks)).toBe(true);
  });

  it('answers 429 with Retry-After, which the client waits out and retries', async () => {
    fake.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
    const started = Date.now();
    const result = await client({
      retryConfig: { retries: 2, minTimeout: 10, maxTimeout: 10 },
    }).chat.postMessage({
      channel: FAKE_IDS.general,
      text: 'after the limit',
    });
    expect(result.ok).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(fake.callsTo('chat.postMessage').map((c) => c.status)).toEqual([429, 200]);
  });

  it('runs filesUploadV2 end to end and keeps the bytes', async () => {
    const content = 'timeline\n10:00 alert fired\n';
    const result = await client().filesUploadV2({
      channel_id: FAKE_IDS.general,
      filename: 'timeline.txt',
      content,
      initial_comment: 'log',
    });
    expect(result.ok).toBe(true);
    const fileId = String(fake.callsTo('files.getUploadURLExternal')[0]?.response?.file_id);
    expect(fake.fileBytes(fileId)?.toString('utf8')).toBe(content);
    const complete = await fake.waitForCall('files.completeUploadExternal');
    expect(complete.params.files).toEqual([{ id: fileId, title: 'timeline.txt' }]);
    const shared = fake.workspace.topLevel(FAKE_IDS.general).at(-1);
    expect(shared).toMatchObject({
      text: 'log',
      files: [{ id: fileId, name: 'timeline.txt', size: content.length }],
    });
    expect(fake.specViolations()).toEqual([]);
  });

  it('enforces conversations.create name rules and pages history with cursors', async () => {
    const web = client();
    const codes = await Promise.all(
      ['general', 'Inc-Upper', 'x'.repeat(81), 'bad name!'].map((name) =>
        web.conversations.create({ name }).then(
          () => 'ok',
          (e: { data: { error: string } }) => e.data.error,
        ),
      ),
    );
    expect(codes).toEqual([
      'name_taken',
      'invalid_name_specials',
      'invalid_name_maxlength',
      'invalid_name_specials',
    ]);
    const created = await web.conversations.create({ name: 'inc-42-db' });
    const channel = String(created.channel?.id);
    for (let i = 0; i < 5; i += 1) await web.chat.postMessage({ channel, text: `m${i}` });
    const first = await web.conversations.history({ channel, limit: 2 });
    expect(first.messages?.map((m) => m.text)).toEqual(['m4', 'm3']);
    expect(first.has_more).toBe(true);
    const second = await web.conversations.history({
      channel,
      limit: 2,
      cursor: String(first.response_metadata?.next_cursor),
    });
    expect(second.messages?.map((m) => m.text)).toEqual(['m2', 'm1']);
    const invite = await web.conversations
      .invite({ channel, users: FAKE_IDS.botUser })
      .catch((e: { data: { error: string } }) => e.data.error);
    expect(invite).toBe('cant_invite_self');
  });

  it('injects missing_scope, outages and flags spec violations', async () => {
    const web = client();
    fake.failNext('conversations.create', { error: 'missing_scope', needed: 'channels:manage' });
    const scope = await web.conversations.create({ name: 'inc-1' }).catch((e: { data: unknown }) => e.data);
    expect(scope).toMatchObject({ ok: false, error: 'missing_scope', needed: 'channels:manage' });
    fake.failAll({ status: 503 }, 200);
    await expect(web.auth.test()).rejects.toMatchObject({ code: 'slack_webapi_http_error', statusCode: 503 });
    await new Promise((r) => setTimeout(r, 250));
    expect((await web.auth.test()).user_id).toBe(FAKE_IDS.botUser);
    await web.apiCall('chat.postMessage', { text: 'no channel' }).catch(() => undefined);
    await web.apiCall('incidents.frobnicate', {}).catch(() => undefined);
    expect(fake.specViolations().map((v) => `${v.method}:${v.kind}`)).toEqual([
      'chat.postMessage:missing_param',
      'incidents.frobnicate:unknown_method',
    ]);
  });
});
