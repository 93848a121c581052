import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '../../../src/storage/redis/embedded-redis.ts';
import { type FakeSlack, startFakeSlack } from '../../fakes/slack/index.ts';
import { testRedisUrl, uniquePrefix } from '../../support/test-app.ts';
import { allTokens, fakeTokens } from '../../unit/observability/fake-tokens.ts';
import { BotProcess } from './support/bot-process.ts';

const tokens = fakeTokens(7);
const REDIS_PASSWORD = ['pw', 'for', 'redis', String(Date.now() % 997)].join('-');
const METRICS_TOKEN = ['scrape', 'token', String(Date.now() % 991)].join('-');
const bots: BotProcess[] = [];
let fakeSlack: FakeSlack | undefined;
afterEach(async () => {
  for (const bot of bots.splice(0)) await bot.kill();
  await fakeSlack?.close();
  fakeSlack = undefined;
});

/** Every credential the bot reads; Slack runs in HTTP mode (Discord and Socket Mode need their fakes). */
function credentials(): Record<string, string> {
  return {
    SLACK_BOT_TOKEN: tokens.slackBot,
    SLACK_SIGNING_SECRET: tokens.slackSigningSecret,
    PAGERDUTY_ROUTING_KEY: tokens.pagerdutyRoutingKey,
    OPSGENIE_API_KEY: tokens.opsgenieKey,
    PAGER_WEBHOOK_SECRET: tokens.pagerdutyApiKey,
  };
}

function expectNoSecret(text: string): void {
  for (const secret of [...allTokens(tokens), REDIS_PASSWORD, METRICS_TOKEN]) {
    expect(text).not.toContain(secret);
  }
}

describe('tokens and secrets never appear in the logs', () => {
  it('the real bot, started with its credentials and logging at trace, never prints one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tocsin-secrets-'));
    const port = await freePort();
    const opsPort = await freePort();
    fakeSlack = await startFakeSlack();
    // The test Redis has no password; ioredis says so and carries on, which is all this needs.
    const redisUrl = testRedisUrl().replace('redis://', `redis://:${REDIS_PASSWORD}@`);
    const bot = BotProcess.main({
      ...credentials(),
      REDIS_URL: redisUrl,
      SLACK_API_URL: fakeSlack.apiUrl,
      PORT: String(port),
      METRICS_PORT: String(opsPort),
      METRICS_TOKEN,
      LOG_LEVEL: 'trace',
      TOCSIN_DATA_DIR: join(dir, 'data'),
      POSTMORTEM_DIR: join(dir, 'postmortems'),
    });
    bots.push(bot);
    await bot.until(() => bot.stdout.includes('tocsin is running'), 'the bot to start');
    const ready = await fetch(`http://127.0.0.1:${opsPort}/readyz`);
    expect(ready.status).toBe(200);
    const scrape = await fetch(`http://127.0.0.1:${opsPort}/metrics`, {
      headers: { authorization: `Bearer ${METRICS_TOKEN}` },
    });
    expect(scrape.status).toBe(200);
    bot.signal('SIGTERM');
    expect((await bot.exited).code).toBe(0);
    const output = bot.stdout + bot.stderr;
    expect(output).toContain('"msg":"platform settings"');
    expect(output).toContain('"botToken":"[REDACTED]"');
    expect(output).toContain('"msg":"slack adapter started"');
    expect(output).toContain('"msg":"shutdown complete"');
    expectNoSecret(output);
  }, 60_000);

  it('a failing job whose error carries a token is logged with the incident context but not the token', async () => {
    const bot = await BotProcess.driver({
      ...credentials(),
      REDIS_URL: testRedisUrl(),
      TOCSIN_PREFIX: uniquePrefix('secrets'),
      POSTMORTEM_DIR: mkdtempSync(join(tmpdir(), 'tocsin-secrets-')),
      LOG_LEVEL: 'debug',
    });
    bots.push(bot);
    bot.send({
      op: 'enqueue',
      name: 'fail',
      jobId: 'leaky',
      data: { platform: 'storm', workspace: 'w1', number: 3 },
    });
    await bot.until(() => bot.stderr.includes('"msg":"job failed"'), 'the failure to be logged');
    expect(bot.stderr).toContain('"incident":"storm:w1:INC-3"');
    expect(bot.stderr).toContain('upstream said 401 for [REDACTED:slack-token]');
    expectNoSecret(bot.stdout + bot.stderr);
  }, 60_000);
});
