import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
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
 * The bot's start-up time and resident memory when idle with both adapters connected:
 * `node dist/tocsin.mjs`, the command `npm start` and the Docker image run, with Slack (HTTP mode)
 * and Discord pointed at their fakes and a private Redis. Start-up is the time from spawn to the
 * first 200 from /readyz; RSS is summed over every node process the bot leaves running (its whole
 * process group, from /proc), read once it has settled: V8's memory reducer gives back the start-up
 * garbage 8 to 20 s after the last allocation burst, so it is read after 25 s idle. The baseline is a
 * bare `node -e` process: its time to first output, and its RSS after the same idle time.
 */
export const idleRss: Benchmark = {
  name: 'idle-rss',
  title: 'Bot start-up and idle RSS (Slack + Discord adapters connected to their fakes)',
  run,
};

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
const ENTRY = 'dist/tocsin.mjs';
const MB = 1024 * 1024;

interface Sample {
  rss: number;
  startMs: number;
  processes: number;
}
type Side = 'bot' | 'bareNode';

async function run(context: BenchContext): Promise<BenchmarkReport> {
  const rounds = context.quick ? 1 : 3;
  const idleMs = context.quick ? 1000 : 25_000;
  const runs = await interleave<Sample>(
    rounds,
    { bot: () => botSample(idleMs), bareNode: () => bareNodeSample(idleMs) },
    (side, r) => context.log(`round ${r + 1}/${rounds}: ${side}`),
  );
  const of = (side: Side, pick: (sample: Sample) => number) => median((runs[side] ?? []).map(pick));
  return {
    figures: [
      figure({
        name: 'idle RSS, Slack + Discord',
        value: of('bot', (s) => s.rss) / MB,
        unit: 'MB',
        baseline: { name: 'idle bare node', value: of('bareNode', (s) => s.rss) / MB },
        ...(context.quick ? {} : { goal: { on: 'value', op: '<', target: 120, text: '< 120 MB' } }),
      }),
      figure({
        name: 'start to /readyz 200',
        value: of('bot', (s) => s.startMs),
        unit: 'ms',
        baseline: { name: 'bare node to first output', value: of('bareNode', (s) => s.startMs) },
        ...(context.quick ? {} : { goal: { on: 'value', op: '<', target: 1000, text: '< 1 s' } }),
      }),
    ],
    details: {
      rounds,
      idleMs,
      samples: Object.fromEntries(
        (['bot', 'bareNode'] as const).map((side) => [
          side,
          (runs[side] ?? []).map((s) => ({
            rssMB: Math.round((s.rss / MB) * 10) / 10,
            startMs: Math.round(s.startMs),
            processes: s.processes,
          })),
        ]),
      ),
      process: `node ${ENTRY} (what npm start and the Docker image run); VmRSS of its process group from /proc`,
    },
  };
}

async function botSample(idleMs: number): Promise<Sample> {
  const redis = await startBenchRedis('idle-rss');
  const slack = await startFakeSlack({ socketModePingIntervalMs: 0 });
  const discord = await FakeDiscord.start({ token: 'bench-discord-token' });
  const dir = mkdtempSync(join(tmpdir(), 'tocsin-bench-rss-'));
  const started = performance.now();
  const child = spawn(process.execPath, [ENTRY], {
    cwd: REPO_ROOT,
    detached: true,
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
      METRICS_PORT: '0',
      TOCSIN_DATA_DIR: join(dir, 'data'),
      POSTMORTEM_DIR: join(dir, 'postmortems'),
      LOG_LEVEL: 'info',
    },
  });
  const output = collectOutput(child);
  try {
    // /readyz is on the ops server (METRICS_PORT), apart from Slack's public port.
    const opsPort = await output.match(/"port":(\d+),"msg":"health and metrics server listening"/);
    await waitReady(`http://127.0.0.1:${opsPort}/readyz`, child, output);
    const startMs = performance.now() - started;
    const group = () => groupPids(child.pid ?? 0);
    await sleep(idleMs);
    return { rss: group().reduce((sum, pid) => sum + vmRss(pid), 0), startMs, processes: group().length };
  } finally {
    await stopGroup(child);
    await discord.close();
    await slack.close();
    await redis.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function bareNodeSample(idleMs: number): Promise<Sample> {
  const started = performance.now();
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000); console.log("up")'], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    await collectOutput(child).match(/up/);
    const startMs = performance.now() - started;
    await sleep(idleMs);
    return { rss: vmRss(child.pid ?? 0), startMs, processes: 1 };
  } finally {
    await stopGroup(child);
  }
}

/** What the child printed, kept whole so that any failure can show it. */
function collectOutput(child: ChildProcess) {
  let text = '';
  let exit: string | undefined;
  const waiters = new Set<() => void>();
  const notify = () => {
    for (const waiter of [...waiters]) waiter();
  };
  child.stdout?.on('data', (chunk: Buffer) => {
    text += chunk.toString();
    notify();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    text += chunk.toString();
    notify();
  });
  child.once('exit', (code, signal) => {
    exit = `exited with ${code ?? signal}`;
    notify();
  });
  return {
    get text() {
      return text;
    },
    get exit() {
      return exit;
    },
    /** The first capture group of `pattern` (or the whole match) once the output has it. */
    match(pattern: RegExp, timeoutMs = 60_000): Promise<string> {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => done(new Error(`no ${pattern} within ${timeoutMs} ms`)), timeoutMs);
        const check = () => {
          const found = pattern.exec(text);
          if (found) done(undefined, found[1] ?? found[0]);
          else if (exit) done(new Error(exit));
        };
        const done = (error?: Error, value?: string) => {
          clearTimeout(timer);
          waiters.delete(check);
          if (error) reject(new Error(`the process ${error.message}; it printed:\n${text.slice(-4000)}`));
          else resolve(value ?? '');
        };
        waiters.add(check);
        check();
      });
    },
  };
}

async function waitReady(url: string, child: ChildProcess, output: ReturnType<typeof collectOutput>) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the bot ${output.exit}; it printed:\n${output.text}`);
    const status = await fetch(url).then(
      (res) => res.status,
      () => 0,
    );
    if (status === 200) return;
    await sleep(20);
  }
  throw new Error(`${url} was not 200 within 60 s; the bot printed:\n${output.text.slice(-4000)}`);
}

/** Every process whose process group is `pgid` (the bot and anything it started). */
function groupPids(pgid: number): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        // Fields after the ")" that ends the command name: state, ppid, pgrp, ...
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]) === pgid;
      } catch {
        return false;
      }
    })
    .map(Number);
}

function vmRss(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
  if (kb === undefined) throw new Error(`no VmRSS for pid ${pid}`);
  return Number(kb) * 1024;
}

/** SIGTERM (the bot's graceful shutdown), then SIGKILL to whatever of the group is left. */
async function stopGroup(child: ChildProcess): Promise<void> {
  const pgid = child.pid ?? 0;
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  }
  try {
    process.kill(-pgid, 'SIGKILL');
  } catch {
    // The group is gone already.
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
