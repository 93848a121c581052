import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSlackEventSender, type FakeSlack, startFakeSlack } from '../../fakes/slack/index.ts';
import { OPS_SERVER_LINE, opsUrlOf } from '../../support/ops-server-log.ts';
import { spawnTracked, stopTracked } from '../../support/tracked-process.ts';

const root = new URL('../../..', import.meta.url).pathname;

let child: ChildProcess | undefined;
let fake: FakeSlack | undefined;
afterEach(async () => {
  if (child) await stopTracked(child);
  await fake?.close();
  child = undefined;
  fake = undefined;
});

/** Resolves with the events URL and the ops server's URL the bot logs once it has started. */
function urlsOf(process: ChildProcess): Promise<{ eventsUrl: string; opsUrl: string }> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    process.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const events = /"eventsUrl":"([^"]+)"/.exec(out);
      const ops = OPS_SERVER_LINE.exec(out);
      if (events?.[1] && ops) resolve({ eventsUrl: events[1], opsUrl: opsUrlOf(ops) });
    });
    process.stderr?.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    process.once('exit', (code) => reject(new Error(`exited with ${code}: ${err}${out}`)));
  });
}

describe('the tocsin process started with Slack tokens (HTTP mode)', () => {
  it('serves /slack/events on PORT, health on METRICS_PORT (loopback), and runs a command against SLACK_API_URL', async () => {
    fake = await startFakeSlack({ socketModePingIntervalMs: 0 });
    const dir = mkdtempSync(join(tmpdir(), 'tocsin-slack-e2e-'));
    // The compiled entry point that `npm start` and the Docker image run, as its own process, so
    // SIGTERM reaches the bot's graceful shutdown, which stops its embedded Redis.
    child = spawnTracked(process.execPath, ['dist/tocsin.mjs'], {
      cwd: root,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '/tmp',
        SLACK_BOT_TOKEN: fake.botToken,
        SLACK_SIGNING_SECRET: fake.signingSecret,
        SLACK_API_URL: fake.apiUrl,
        PORT: '0',
        METRICS_PORT: '0',
        TOCSIN_DATA_DIR: join(dir, 'data'),
        POSTMORTEM_DIR: join(dir, 'postmortems'),
        LOG_LEVEL: 'info',
      },
    });
    const { eventsUrl, opsUrl } = await urlsOf(child);
    expect(new URL(opsUrl).hostname).toBe('127.0.0.1');
    expect((await fetch(new URL('/healthz', opsUrl))).status).toBe(200);
    expect((await fetch(new URL('/healthz', eventsUrl))).status).toBe(404);
    const sender = createSlackEventSender({
      url: eventsUrl,
      signingSecret: fake.signingSecret,
      context: fake,
    });
    expect((await sender.sendSlashCommand({ text: 'start sev2 checkout errors' })).status).toBe(200);
    const created = await fake.waitForCall('conversations.create', undefined, 15_000);
    expect(created.params.name).toBe('inc-1-checkout-errors');
    await expect
      .poll(async () => (await fetch(new URL('/readyz', opsUrl))).status, { timeout: 15_000 })
      .toBe(200);
  });
});
