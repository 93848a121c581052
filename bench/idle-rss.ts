import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FakeDiscord } from '../test/fakes/discord/index.ts';
import { startFakeSlack } from '../test/fakes/slack/index.ts';
import { startBenchRedis } from './lib/bench-redis.ts';
import type { BenchContext, Benchmark, BenchmarkReport } from './lib/benchmark.ts';
import { figure } from './lib/benchmark.ts';
import { interleave } from './lib/interleave.ts';
import { median } from './lib/percentiles.ts';

/**
 * The bot's resident memory when idle with both adapters connected: `node --import tsx
 * src/main.ts` as the Dockerfile runs it (not an npm wrapper, whose own RSS would be counted
 * instead), with Slack (HTTP mode) and Discord pointed at their fakes and a private Redis.
 * Read from /proc/<pid>/status once /readyz answers 200 and the process has idled. The
 * baseline is an idle bare `node -e` process, for scale.
 */
export const idleRss: Benchmark = {
  name: 'idle-rss',
  title: 'Idle bot RSS (Slack + Discord adapters connected to their fakes)',
  run,
};

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
const MB = 1024 * 1024;
type Side = 'bot' | 'bareNode';

async function run(context: BenchContext): Promise<BenchmarkReport> {
  const rounds = context.quick ? 1 : 3;
  const idleMs = context.quick ? 1000 : 5000;
  const runs = await interleave<number>(
    rounds,
    { bot: () => botRss(idleMs), bareNode: () => bareNodeRss(idleMs) },
    (side, r) => context.log(`round ${r + 1}/${rounds}: ${side}`),
  );
  const mb = (side: Side) => median(runs[side] ?? []) / MB;
  return {
    figures: [
      figure({
        name: 'idle RSS, Slack + Discord',
        value: mb('bot'),
        unit: 'MB',
        baseline: { name: 'idle bare node', value: mb('bareNode') },
        ...(context.quick ? {} : { goal: { on: 'value', op: '<', target: 150, text: '< 150 MB' } }),
      }),
    ],
    details: {
      rounds,
      idleMs,
      rssMB: Object.fromEntries(
        (['bot', 'bareNode'] as const).map((s) => [
          s,
          (runs[s] ?? []).map((b) => Math.round((b / MB) * 10) / 10),
        ]),
      ),
      process: 'node --import tsx src/main.ts (the Dockerfile command); VmRSS from /proc/<pid>/status',
    },
  };
}

async function botRss(idleMs: number): Promise<number> {
  const redis = await startBenchRedis('idle-rss');
  const slack = await startFakeSlack({ socketModePingIntervalMs: 0 });
  const discord = await FakeDiscord.start({ token: 'bench-discord-token' });
  const dir = mkdtempSync(join(tmpdir(), 'tocsin-bench-rss-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      REDIS_URL: redis.url,
      SLACK_BOT_TOKEN: slack.botToken,
      SLACK_SIGNING_SECRET: slack.signingSecret,
      SLACK_API_URL: slack.apiUrl,
      DISCORD_TOKEN: discord.token,
      DISCORD_APPLICATION_ID: discord.ids.applicationId,
      DISCORD_GUILD_ID: discord.ids.guildId,
      DISCORD_API_URL: discord.apiBase,
      PORT: '0',
      TOCSIN_DATA_DIR: join(dir, 'data'),
      POSTMORTEM_DIR: join(dir, 'postmortems'),
      LOG_LEVEL: 'info',
    },
  });
  try {
    const eventsUrl = await loggedEventsUrl(child);
    await waitReady(new URL('/readyz', eventsUrl).toString(), child);
    await sleep(idleMs);
    return vmRss(child);
  } finally {
    await stopChild(child);
    await discord.close();
    await slack.close();
    await redis.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function bareNodeRss(idleMs: number): Promise<number> {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000); console.log("up")'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    await new Promise<void>((resolve, reject) => {
      child.stdout?.once('data', () => resolve());
      child.once('exit', (code) => reject(new Error(`bare node exited with ${code}`)));
    });
    await sleep(idleMs);
    return vmRss(child);
  } finally {
    await stopChild(child);
  }
}

/** The events URL the bot logs when Slack is listening (it picked a free port). */
function loggedEventsUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`the bot did not start in 60 s: ${err}${out}`)), 60_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /"eventsUrl":"([^"]+)"/.exec(out);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the bot exited with ${code}: ${err}${out}`));
    });
  });
}

async function waitReady(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the bot exited with ${child.exitCode}`);
    const status = await fetch(url).then(
      (res) => res.status,
      () => 0,
    );
    if (status === 200) return;
    await sleep(100);
  }
  throw new Error(`${url} was not 200 within 60 s`);
}

function vmRss(child: ChildProcess): number {
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
  if (kb === undefined) throw new Error(`no VmRSS for pid ${child.pid}`);
  return Number(kb) * 1024;
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
