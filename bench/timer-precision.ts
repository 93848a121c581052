import type { ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import type { TimerWorkerInput } from './children/timer-worker.ts';
import { createBenchApp } from './lib/bench-app.ts';
import { type BenchRedis, startBenchRedis } from './lib/bench-redis.ts';
import type { BenchContext, Benchmark, BenchmarkReport, Figure } from './lib/benchmark.ts';
import { figure } from './lib/benchmark.ts';
import { bundleChild, spawnCompiledChild } from './lib/compiled-child.ts';
import { interleave } from './lib/interleave.ts';
import { type Summary, summarize } from './lib/percentiles.ts';
import { TIMED_JOB } from './lib/timed-job.ts';

const WORKER = new URL('./children/timer-worker.ts', import.meta.url);
/** Compiled once per run, before the first worker starts: a restart then costs what the bot's does. */
let workerBundle: Promise<string> | undefined;

const BULL_SIDES = ['bullmq', 'bullmqRestart', 'bullmqRolling'];

/** How the worker is restarted half-way: not at all, as a restart of the only worker, or rolled. */
type Restart = 'none' | 'stop-then-start' | 'start-then-stop';

interface Plan {
  jobs: number;
  /** Time to enqueue them all before the first is due: every job is pending at once. */
  leadMs: number;
  /** Due times are spread evenly over this window. */
  spreadMs: number;
  /** How long after the last due time a job may still fire before it counts as lost. */
  drainMs: number;
}

interface TimerRun {
  /** Fire time minus due time, per job, in ms; a job that never fired is Infinity. */
  delays: number[];
  lost: number;
  duplicates: number;
  /** From SIGTERM to the old worker until the new one consumes (restart runs only). */
  restartGapMs?: number;
}

/**
 * 1,000 pending delayed jobs through the app's BullJobQueue, run by a separate worker process;
 * delay = when the worker started the job − when it was due. Two sides restart that worker
 * half-way through: one stops it (SIGTERM, exit) and then starts a fresh process, as a restart of
 * the only replica does; one starts the new process first, as a rolling deploy does.
 *
 * The baseline is the ideal: the same due times as plain setTimeout in one process. It is what a
 * bot without a job queue would get while it stays up, and it loses every timer when it restarts.
 */
export const timerPrecision: Benchmark = {
  name: 'timer-precision',
  title: 'Timer precision with 1,000 pending delayed jobs (BullMQ)',
  run,
};

async function run(context: BenchContext): Promise<BenchmarkReport> {
  const plan: Plan = context.quick
    ? { jobs: 20, leadMs: 600, spreadMs: 600, drainMs: 5_000 }
    : { jobs: 1000, leadMs: 3_000, spreadMs: 7_000, drainMs: 40_000 };
  const rounds = context.quick ? 1 : 2;
  const server = await startBenchRedis('timers');
  try {
    const runs = await interleave(
      rounds,
      {
        setTimeout: () => runSetTimeout(plan),
        bullmq: () => runBullMq(server, plan, 'none'),
        bullmqRestart: () => runBullMq(server, plan, 'stop-then-start'),
        bullmqRolling: () => runBullMq(server, plan, 'start-then-stop'),
      },
      (side, r) => context.log(`round ${r + 1}/${rounds}: ${side}`),
    );
    const all = (side: string) => (runs[side] ?? []).flatMap((r) => r.delays);
    const ideal = summarize(all('setTimeout'));
    const steady = summarize(all('bullmq'));
    const restart = summarize(all('bullmqRestart'));
    const rolling = summarize(all('bullmqRolling'));
    const gaps = (runs.bullmqRestart ?? []).map((r) => Math.round(r.restartGapMs ?? 0));
    context.log(`restart gaps (SIGTERM → new worker consuming): ${gaps.join(', ')} ms`);
    // Fire times are whole epoch milliseconds (they cross processes), so 1 ms is the resolution:
    // an ideal timer measured at 0 ms is floored to it rather than dividing by zero.
    // Issue #14: under 500 ms across a restart (was < 1 s).
    const p99Goal = { on: 'value' as const, op: '<' as const, target: 500, text: 'p99 < 500 ms' };
    const delay = (name: string, side: Summary, at: 'p50' | 'p99'): Figure =>
      figure({
        name: `delay ${at}${name}`,
        value: side[at],
        unit: 'ms',
        baseline: { name: `setTimeout ${at}`, value: ideal[at] },
        ratioFloor: 1,
        ...(at === 'p99' && !context.quick ? { goal: p99Goal } : {}),
      });
    const figures = [
      delay('', steady, 'p50'),
      delay('', steady, 'p99'),
      delay(', worker restart (stop, then start)', restart, 'p50'),
      delay(', worker restart (stop, then start)', restart, 'p99'),
      delay(', rolling restart (start, then stop)', rolling, 'p99'),
    ];
    const count = (side: string, key: 'lost' | 'duplicates') =>
      (runs[side] ?? []).reduce((sum, r) => sum + r[key], 0);
    for (const side of BULL_SIDES) {
      context.log(`${side}: ${count(side, 'lost')} never fired, ${count(side, 'duplicates')} fired twice`);
    }
    return {
      figures,
      details: {
        job: TIMED_JOB.name,
        plan,
        rounds,
        summaries: { setTimeout: ideal, bullmq: steady, bullmqRestart: restart, bullmqRolling: rolling },
        restartGapsMs: gaps,
        lost: Object.fromEntries(BULL_SIDES.map((side) => [side, count(side, 'lost')])),
        duplicates: Object.fromEntries(BULL_SIDES.map((side) => [side, count(side, 'duplicates')])),
      },
    };
  } finally {
    await server.stop();
  }
}

function dueTimes(plan: Plan, start: number): number[] {
  const step = plan.jobs > 1 ? plan.spreadMs / (plan.jobs - 1) : 0;
  return Array.from({ length: plan.jobs }, (_, i) => start + plan.leadMs + Math.round(i * step));
}

async function runSetTimeout(plan: Plan): Promise<TimerRun> {
  const due = dueTimes(plan, Date.now());
  const delays = await Promise.all(
    due.map(
      (at) =>
        new Promise<number>((resolve) => {
          setTimeout(() => resolve(Date.now() - at), at - Date.now());
        }),
    ),
  );
  return { delays, lost: 0, duplicates: 0 };
}

async function runBullMq(server: BenchRedis, plan: Plan, restart: Restart): Promise<TimerRun> {
  const prefix = server.uniquePrefix('timers');
  const fired = new Map<string, number>();
  let duplicates = 0;
  const onFired = (id: string, at: number) => {
    if (fired.has(id)) duplicates++;
    else fired.set(id, at);
  };
  const workerInput: TimerWorkerInput = { redisUrl: server.url, prefix };
  let worker = await startWorker(workerInput, onFired);
  const redis = server.connect();
  const app = createBenchApp(redis, prefix);
  try {
    const due = dueTimes(plan, Date.now());
    const ids = due.map((_, i) => `timer-${i}`);
    await Promise.all(
      due.map((at, i) =>
        app.jobs.enqueue(TIMED_JOB.name, TIMED_JOB.data(i), {
          jobId: ids[i] as string,
          delayMs: at - Date.now(),
        }),
      ),
    );
    if (Date.now() > (due[0] as number))
      throw new Error('enqueueing took longer than the lead time: raise leadMs');
    let restartGapMs: number | undefined;
    if (restart !== 'none') {
      await sleep((due[0] as number) + plan.spreadMs / 2 - Date.now());
      const stopped = Date.now();
      if (restart === 'stop-then-start') {
        await worker.stop();
        worker = await startWorker(workerInput, onFired);
        restartGapMs = Date.now() - stopped;
      } else {
        const old = worker;
        worker = await startWorker(workerInput, onFired);
        await old.stop();
      }
    }
    const deadline = (due[due.length - 1] as number) + plan.drainMs;
    while (fired.size < ids.length && Date.now() < deadline) await sleep(50);
    const delays = ids.map((id, i) => {
      const at = fired.get(id);
      return at === undefined ? Number.POSITIVE_INFINITY : at - (due[i] as number);
    });
    return {
      delays,
      lost: ids.length - fired.size,
      duplicates,
      ...(restartGapMs === undefined ? {} : { restartGapMs }),
    };
  } finally {
    await worker.stop();
    await app.dispose();
  }
}

interface RunningWorker {
  stop(): Promise<void>;
}

/** Starts a worker process and resolves once it consumes jobs. */
async function startWorker(
  input: TimerWorkerInput,
  onFired: (id: string, at: number) => void,
): Promise<RunningWorker> {
  workerBundle ??= bundleChild(WORKER);
  const child = spawnCompiledChild(await workerBundle, input);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout as NonNullable<ChildProcess['stdout']> });
    lines.on('line', (line) => {
      if (!line.startsWith('{')) return;
      const message = JSON.parse(line) as { ready?: boolean; fired?: string; at?: number };
      if (message.ready) resolve({ stop: () => stopWorker(child, exited) });
      else if (message.fired !== undefined && message.at !== undefined) onFired(message.fired, message.at);
    });
    child.once('exit', (code) =>
      reject(new Error(`timer worker exited (${code}) before it was ready: ${stderr}`)),
    );
  });
}

async function stopWorker(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  await exited;
}
