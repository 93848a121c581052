import { afterEach, describe, expect, it } from 'vitest';
import { startSlackAdapter } from '../../../adapters/slack/index.ts';
import { readEnvOptions } from '../../../src/config/read-env.ts';
import { SystemError } from '../../../src/core/errors.ts';
import { createLogger } from '../../../src/logging/create-logger.ts';
import { createSlackEventSender, startFakeSlack } from '../../fakes/slack/index.ts';
import { createTestApp, testConfig } from '../../support/test-app.ts';
import { type SlackHarness, startSlackHarness } from './slack-harness.ts';

let h: SlackHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('the Slack adapter in HTTP mode', () => {
  it('answers 404 for /healthz, /readyz and /metrics on the public port: they live on the ops server', async () => {
    h = await startSlackHarness();
    expect(h.adapter.eventsUrl).toMatch(/\/slack\/events$/);
    const statuses = await Promise.all(
      ['/healthz', '/readyz', '/metrics'].map(
        async (path) => (await fetch(new URL(path, h?.adapter.eventsUrl))).status,
      ),
    );
    expect(statuses).toEqual([404, 404, 404]);
  });

  it('serves the public surface (web view, webhooks, status page) on the same port as /slack/events', async () => {
    h = await startSlackHarness();
    h.app.http.routes.get('/status/probe', (c) => c.text('public ok'));
    h.app.http.routes.post('/webhooks/probe', async (c) => c.text(`got ${await c.req.text()}`));
    const get = await fetch(new URL('/status/probe?x=1', h.adapter.eventsUrl));
    const post = await fetch(new URL('/webhooks/probe', h.adapter.eventsUrl), {
      method: 'POST',
      body: 'raw body',
    });
    expect([get.status, await get.text()]).toEqual([200, 'public ok']);
    expect([post.status, await post.text()]).toEqual([200, 'got raw body']);
    expect((await fetch(new URL('/nowhere', h.adapter.eventsUrl))).status).toBe(404);
  });

  it("answers Slack's url_verification challenge", async () => {
    h = await startSlackHarness();
    const sender = createSlackEventSender({
      url: h.adapter.eventsUrl ?? '',
      signingSecret: h.fake.signingSecret,
    });
    expect((await sender.sendUrlVerification('chal-42')).json).toEqual({ challenge: 'chal-42' });
  });

  it('is ready once started and backfilled, and not after it stopped', async () => {
    h = await startSlackHarness();
    expect(h.adapter.isReady()).toBe(true);
    await h.adapter.stop();
    expect(h.adapter.isReady()).toBe(false);
  });
});

describe('the Slack adapter in Socket Mode', () => {
  it('connects through apps.connections.open on SLACK_API_URL and leaves HTTP to the process', async () => {
    h = await startSlackHarness({ mode: 'socket' });
    expect(h.adapter.isReady()).toBe(true);
    expect(h.fake.callsTo('apps.connections.open')[0]?.token).toBe(h.fake.appToken);
  });
});

describe('starting with a token Slack rejects', () => {
  it('fails with a message that names the token', async () => {
    const fake = await startFakeSlack({ validTokens: ['xoxb-the-right-one'], socketModePingIntervalMs: 0 });
    const app = createTestApp();
    try {
      const env = readEnvOptions({
        SLACK_BOT_TOKEN: 'xoxb-a-wrong-one',
        SLACK_SIGNING_SECRET: fake.signingSecret,
        SLACK_API_URL: fake.apiUrl,
        PORT: '0',
      });
      const started = startSlackAdapter({ app, env, config: testConfig() }, { host: '127.0.0.1' });
      await expect(started).rejects.toBeInstanceOf(SystemError);
      await expect(started).rejects.toThrow(/SLACK_BOT_TOKEN \(invalid_auth\)/);
    } finally {
      await app.dispose();
      await fake.close();
    }
  });

  it('fails Socket Mode with a message that names SLACK_APP_TOKEN when Slack refuses it', async () => {
    const fake = await startFakeSlack({ validTokens: ['xoxb-fake-bot-token'], socketModePingIntervalMs: 0 });
    const app = createTestApp({ startWorkers: false });
    try {
      const env = readEnvOptions({
        SLACK_BOT_TOKEN: fake.botToken,
        SLACK_APP_TOKEN: 'xapp-1-revoked',
        SLACK_API_URL: fake.apiUrl,
      });
      const started = startSlackAdapter(
        { app, env, config: testConfig() },
        { retryConfig: { retries: 0 }, logger: createLogger({ level: 'silent' }) },
      );
      await expect(started).rejects.toThrow(/SLACK_APP_TOKEN/);
    } finally {
      await app.dispose();
      await fake.close();
    }
  });

  it('refuses HTTP mode without a signing secret, saying what to set', async () => {
    const app = createTestApp({ startWorkers: false });
    try {
      const env = readEnvOptions({ SLACK_BOT_TOKEN: 'xoxb-x', SLACK_API_URL: 'http://127.0.0.1:9/api/' });
      await expect(startSlackAdapter({ app, env, config: testConfig() })).rejects.toThrow(
        /SLACK_SIGNING_SECRET/,
      );
    } finally {
      await app.dispose();
    }
  });
});
