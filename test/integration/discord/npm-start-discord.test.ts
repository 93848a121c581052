import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeDiscord } from '../../fakes/discord/index.ts';
import { createSlackEventSender, type FakeSlack, startFakeSlack } from '../../fakes/slack/index.ts';
import { OPS_SERVER_LINE, opsUrlOf } from '../../support/ops-server-log.ts';
import { spawnTracked, stopTracked } from '../../support/tracked-process.ts';

const root = new URL('../../..', import.meta.url).pathname;

let child: ChildProcess | undefined;
let discord: FakeDiscord | undefined;
let slack: FakeSlack | undefined;

afterEach(async () => {
  if (child) await stopTracked(child);
  await discord?.close();
  await slack?.close();
  child = undefined;
  discord = undefined;
  slack = undefined;
});

/** Resolves with the first log line matching `pattern` (JSON lines on stdout). */
function logged(process: ChildProcess, pattern: RegExp): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    process.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = pattern.exec(out);
      if (match) resolve(match);
    });
    process.stderr?.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    process.once('exit', (code) => reject(new Error(`exited with ${code}: ${err}${out}`)));
  });
}

describe('npm start with Discord and Slack tokens', () => {
  it('runs both adapters in one process, each against its own API URL', async () => {
    discord = await FakeDiscord.start({ token: 'e2e-discord-token' });
    slack = await startFakeSlack({ socketModePingIntervalMs: 0 });
    const dir = mkdtempSync(join(tmpdir(), 'tocsin-discord-e2e-'));
    child = spawnTracked('npm', ['start', '--silent'], {
      cwd: root,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '/tmp',
        DISCORD_TOKEN: discord.token,
        DISCORD_APPLICATION_ID: discord.ids.applicationId,
        DISCORD_GUILD_ID: discord.ids.guildId,
        DISCORD_API_URL: discord.apiBase,
        SLACK_BOT_TOKEN: slack.botToken,
        SLACK_SIGNING_SECRET: slack.signingSecret,
        SLACK_API_URL: slack.apiUrl,
        PORT: '0',
        METRICS_PORT: '0',
        TOCSIN_DATA_DIR: join(dir, 'data'),
        POSTMORTEM_DIR: join(dir, 'postmortems'),
        LOG_LEVEL: 'info',
      },
    });
    // Every listener is attached before anything is logged, so no line is missed.
    const [[, eventsUrl = ''], [invite], ops] = await Promise.all([
      logged(child, /"eventsUrl":"([^"]+)"/),
      logged(child, /"invite":"[^"]+"/),
      logged(child, OPS_SERVER_LINE),
      logged(child, /"msg":"tocsin is running"/),
    ]);
    expect(invite).toContain(
      `${new URL(discord.apiBase).origin}/oauth2/authorize?client_id=${discord.ids.applicationId}`,
    );
    expect(discord.state.commands.list(discord.ids.guildId).map((command) => command.body.name)).toEqual([
      'incident',
    ]);

    discord.gateway.slashCommand({
      name: 'incident',
      subcommand: 'start',
      options: { title: 'Discord side down' },
    });
    const sender = createSlackEventSender({
      url: eventsUrl,
      signingSecret: slack.signingSecret,
      context: slack,
    });
    expect((await sender.sendSlashCommand({ text: 'start sev2 slack side down' })).status).toBe(200);

    const created = await slack.waitForCall('conversations.create', undefined, 15_000);
    expect(created.params.name).toBe('inc-1-slack-side-down');
    const channel = await discord.rest.waitForRequest('POST', '/guilds/:id/channels', {
      where: (request) => (request.body as { name?: string }).name === 'inc-1-discord-side-down',
      timeoutMs: 15_000,
    });
    expect(channel.status).toBe(201);
    await expect
      .poll(async () => (await fetch(new URL('/readyz', opsUrlOf(ops)))).status, { timeout: 15_000 })
      .toBe(200);
    expect(discord.rest.specViolations()).toEqual([]);
  });
});
