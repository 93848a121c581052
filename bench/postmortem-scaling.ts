import { AdjustableClock } from '../src/core/time/clock.ts';
import type { GenerateInput, GenerateOutput } from './children/generate-postmortem.ts';
import { createBenchApp } from './lib/bench-app.ts';
import { startBenchRedis } from './lib/bench-redis.ts';
import type { BenchContext, Benchmark, BenchmarkReport, Figure } from './lib/benchmark.ts';
import { figure } from './lib/benchmark.ts';
import { bundleChild, spawnCompiledChild } from './lib/compiled-child.ts';
import { round } from './lib/goals.ts';
import { interleave } from './lib/interleave.ts';
import { median, scalingExponent } from './lib/percentiles.ts';
import { childAnswer } from './lib/run-child.ts';
import { seedIncident } from './lib/seed-incident.ts';

const CHILD = new URL('./children/generate-postmortem.ts', import.meta.url);

interface Point {
  messages: number;
  generateMs: number;
  readMs: number;
  generateRssMb: number;
  readRssMb: number;
  draftBytes: number;
}

/**
 * `/incident postmortem` on incidents of 1k, 10k and 100k captured messages: time and peak RSS,
 * each measured in a fresh child process. The baseline is a child that only reads and parses the
 * same log: what generation costs on top of touching every event once.
 */
export const postmortemScaling: Benchmark = {
  name: 'postmortem-scaling',
  title: 'Postmortem generation at 1k, 10k and 100k captured messages',
  run,
};

async function run(context: BenchContext): Promise<BenchmarkReport> {
  const sizes = context.quick ? [100, 1000] : [1000, 10_000, 100_000];
  const rounds = context.quick ? 1 : 3;
  const server = await startBenchRedis('postmortem');
  try {
    const redis = server.connect();
    const prefix = server.uniquePrefix('postmortem');
    const clock = new AdjustableClock();
    const app = createBenchApp(redis, prefix, clock);
    const points: Point[] = [];
    let bundle: string | undefined;
    try {
      for (const messages of sizes) {
        const seeding = performance.now();
        const { ref } = await seedIncident(app, clock, messages);
        context.log(`seeded ${messages} messages in ${Math.round(performance.now() - seeding)} ms`);
        const input = (mode: GenerateInput['mode']): GenerateInput => ({
          redisUrl: server.url,
          prefix,
          ref,
          mode,
        });
        // Compiled, as the bot runs: under tsx the child's RSS and time included compiling TypeScript.
        bundle ??= await bundleChild(CHILD);
        const compiled = bundle;
        const measure = (mode: GenerateInput['mode']) =>
          childAnswer<GenerateOutput>(spawnCompiledChild(compiled, input(mode)), CHILD.pathname);
        const runs = await interleave(rounds, {
          generate: () => measure('generate'),
          read: () => measure('read'),
        });
        const generate = runs.generate ?? [];
        const read = runs.read ?? [];
        const point: Point = {
          messages,
          generateMs: median(generate.map((r) => r.ms)),
          readMs: median(read.map((r) => r.ms)),
          // The worst of the rounds: memory is a ceiling, not an average.
          generateRssMb: Math.max(...generate.map((r) => r.maxRssMb)),
          readRssMb: Math.max(...read.map((r) => r.maxRssMb)),
          draftBytes: generate[0]?.size ?? 0,
        };
        points.push(point);
        context.log(
          `${messages} messages: ${round(point.generateMs)} ms (read only ${round(point.readMs)} ms), ` +
            `peak RSS ${round(point.generateRssMb)} MB (read only ${round(point.readRssMb)} MB), draft ${round(point.draftBytes / 1024)} KB`,
        );
      }
    } finally {
      await app.dispose();
    }
    for (const line of curve(points)) context.log(line);
    return { figures: figures(points, context.quick), details: { rounds, points, curve: curve(points) } };
  } finally {
    await server.stop();
  }
}

function figures(points: Point[], quick: boolean): Figure[] {
  const largest = points[points.length - 1] as Point;
  const previous = points[points.length - 2] as Point;
  const label = (n: number) => (n >= 1000 ? `${n / 1000}k` : String(n));
  const goals = !quick;
  return [
    ...points.map((point) =>
      figure({
        name: `time at ${label(point.messages)} messages`,
        value: point.generateMs,
        unit: 'ms',
        baseline: { name: 'read the log only', value: point.readMs },
        ...(goals && point === largest
          ? { goal: { on: 'value' as const, op: '<' as const, target: 1000, text: '< 1 s at 100k (#14)' } }
          : {}),
      }),
    ),
    ...points.map((point) =>
      figure({
        name: `peak RSS at ${label(point.messages)} messages`,
        value: point.generateRssMb,
        unit: 'MB',
        baseline: { name: 'read the log only', value: point.readRssMb },
        ...(goals && point === largest
          ? { goal: { on: 'value' as const, op: '<' as const, target: 200, text: '< 200 MB at 100k (#14)' } }
          : {}),
      }),
    ),
    figure({
      name: `scaling exponent ${label(previous.messages)}→${label(largest.messages)} (1 = linear)`,
      value: scalingExponent(
        { size: previous.messages, value: previous.generateMs },
        { size: largest.messages, value: largest.generateMs },
      ),
      unit: '',
      baseline: {
        name: 'read the log only',
        value: scalingExponent(
          { size: previous.messages, value: previous.readMs },
          { size: largest.messages, value: largest.readMs },
        ),
      },
      ...(goals
        ? { goal: { on: 'value' as const, op: '<=' as const, target: 1.1, text: 'linear (≤ 1.1)' } }
        : {}),
    }),
  ];
}

/** The scaling curve as text: per-message cost should stay flat if generation is linear. */
function curve(points: Point[]): string[] {
  return [
    'messages | generate ms | µs per message | read-only ms | peak RSS MB',
    ...points.map(
      (p) =>
        `${String(p.messages).padStart(8)} | ${round(p.generateMs).padStart(11)} | ${round((p.generateMs * 1000) / p.messages).padStart(14)} | ${round(p.readMs).padStart(12)} | ${round(p.generateRssMb).padStart(11)}`,
    ),
  ];
}
