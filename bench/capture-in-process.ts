import type { Redis } from 'ioredis';
import type { IncidentCore } from '../src/core/incident-core.ts';
import type { IncidentEvent } from '../src/core/model/events.ts';
import { cleanText } from '../src/core/text/sanitize-input.ts';
import { consoleContext, createBenchApp, declareBenchIncident } from './lib/bench-app.ts';
import { startBenchRedis } from './lib/bench-redis.ts';
import type { BenchContext, Benchmark, BenchmarkReport } from './lib/benchmark.ts';
import { figure } from './lib/benchmark.ts';
import { type ChatLine, chatLines } from './lib/chat-corpus.ts';
import { interleave } from './lib/interleave.ts';
import { median } from './lib/percentiles.ts';

/**
 * Messages per second into an incident's log through `IncidentCore.process`, against the
 * cheapest way to put the same bytes in Redis: one pipelined XADD per message. Every side gets a
 * whole batch at once, as a message storm delivers it. The main figure carries a platform event
 * id, as Slack's Events API deliveries do; the second leaves it out, as the console does.
 */
export const captureInProcess: Benchmark = {
  name: 'capture-in-process',
  title: 'Message capture, in process (core + Redis, no HTTP)',
  run,
};

type Side = 'core' | 'coreWithoutEventId' | 'raw';
const SIDES: readonly Side[] = ['core', 'coreWithoutEventId', 'raw'];

async function run(context: BenchContext): Promise<BenchmarkReport> {
  const rounds = context.quick ? 2 : 8;
  const batch = context.quick ? 50 : 5000;
  const server = await startBenchRedis('capture');
  try {
    const redis = server.connect();
    const prefix = server.uniquePrefix('capture');
    const app = createBenchApp(redis, prefix);
    try {
      const { ref, channel } = await declareBenchIncident(app, 'capture benchmark');
      const rawKey = `${prefix}:raw-xadd`;
      const send = sender(redis, rawKey, channel, app.core);
      // Fresh messages for every run of every side: a message id seen before would be skipped.
      let next = 0;
      const fresh = () => chatLines(batch, `m${next++}`);
      // One untimed run of each side first: JIT, script cache and connection warm-up are not capture cost.
      for (const side of SIDES) await send(side, fresh());
      const runs = await interleave(
        rounds,
        Object.fromEntries(SIDES.map((side) => [side, () => withCpu(redis, () => send(side, fresh()))])),
        (side, r) => context.log(`round ${r + 1}/${rounds}: ${side}`),
      );
      const perSide = (rounds + 1) * batch;
      await expectAllWritten(redis, app.store.keys.log(ref), rawKey, 2 * perSide, perSide);
      const rates = (side: Side) => (runs[side] ?? []).map((r) => batch / r.seconds);
      // CPU per message moves less than wall time on a shared machine: it says where the cost is.
      const cpu = (side: Side) => {
        const sideRuns = runs[side] ?? [];
        return {
          nodeUs: Math.round(median(sideRuns.map((r) => r.nodeCpuUs / batch)) * 10) / 10,
          redisUs: Math.round(median(sideRuns.map((r) => r.redisCpuUs / batch)) * 10) / 10,
        };
      };
      for (const side of SIDES) {
        const { nodeUs, redisUs } = cpu(side);
        context.log(`${side}: CPU per message ${nodeUs} µs in node, ${redisUs} µs in redis-server`);
      }
      const raw = { name: 'raw pipelined XADD', value: median(rates('raw')) };
      const goal = context.quick
        ? {}
        : { goal: { on: 'ratio' as const, op: '>=' as const, target: 0.5, text: '≥ 0.5× raw XADD' } };
      return {
        figures: [
          figure({
            name: 'capture, with event id',
            value: median(rates('core')),
            unit: 'msg/s',
            baseline: raw,
            ...goal,
          }),
          figure({
            name: 'capture, without event id',
            value: median(rates('coreWithoutEventId')),
            unit: 'msg/s',
            baseline: raw,
            ...goal,
          }),
        ],
        details: {
          rounds,
          batch,
          messagesPerSec: Object.fromEntries(SIDES.map((side) => [side, rates(side).map(Math.round)])),
          cpuPerMessage: Object.fromEntries(SIDES.map((side) => [side, cpu(side)])),
          perMessage:
            'with event id: dedupe SET NX + findByChannel HGET + APPEND_CHATTER EVAL (HSETNX, XADD); ' +
            'without: the last two; raw: one XADD in a pipeline (its CPU includes serialising the payloads, its time does not)',
        },
      };
    } finally {
      await app.dispose();
    }
  } finally {
    await server.stop();
  }
}

interface SideRun {
  seconds: number;
  nodeCpuUs: number;
  redisCpuUs: number;
}

/** Wraps a run with the CPU time this process and redis-server spent on it. */
async function withCpu(redis: Redis, run: () => Promise<number>): Promise<SideRun> {
  const redisBefore = await redisCpuUs(redis);
  const nodeBefore = process.cpuUsage();
  const seconds = await run();
  const node = process.cpuUsage(nodeBefore);
  const redisCpu = (await redisCpuUs(redis)) - redisBefore;
  return { seconds, nodeCpuUs: node.user + node.system, redisCpuUs: redisCpu };
}

async function redisCpuUs(redis: Redis): Promise<number> {
  const info = await redis.info('cpu');
  const field = (name: string) => Number(new RegExp(`${name}:([\\d.]+)`).exec(info)?.[1] ?? 0);
  return (field('used_cpu_user') + field('used_cpu_sys')) * 1e6;
}

/** Runs one side on a batch and returns the seconds it took. */
function sender(redis: Redis, rawKey: string, channel: string, core: IncidentCore) {
  const base = Date.parse('2025-11-20T10:00:00Z');
  let sequence = 0;
  return async (side: Side, lines: ChatLine[]): Promise<number> => {
    const occurredAt = lines.map(() => new Date(base + sequence++ * 100));
    if (side === 'raw') {
      // The exact event the core would write, serialised before the clock starts: the floor.
      const payloads = lines.map((line, i) =>
        JSON.stringify(capturedEvent(line, channel, occurredAt[i] as Date)),
      );
      const started = performance.now();
      const pipeline = redis.pipeline();
      for (const payload of payloads) pipeline.xadd(rawKey, '*', 'e', payload);
      await pipeline.exec();
      return (performance.now() - started) / 1000;
    }
    const started = performance.now();
    await Promise.all(
      lines.map((line, i) =>
        core.process({
          kind: 'message',
          messageId: line.messageId,
          text: line.text,
          occurredAt: occurredAt[i] as Date,
          context: consoleContext(channel, line.user, side === 'core' ? `Ev${line.messageId}` : undefined),
        }),
      ),
    );
    return (performance.now() - started) / 1000;
  };
}

function capturedEvent(line: ChatLine, channel: string, occurredAt: Date): IncidentEvent {
  const context = consoleContext(channel, line.user);
  return {
    type: 'message_captured',
    messageId: line.messageId,
    text: cleanText(line.text),
    occurredAt: occurredAt.toISOString(),
    at: new Date().toISOString(),
    actor: context.actor,
    origin: { platform: context.platform, workspace: context.workspace, channel },
  };
}

/** A fast benchmark that drops messages would be worse than a slow one: check every one landed. */
async function expectAllWritten(
  redis: Redis,
  logKey: string,
  rawKey: string,
  expectedLog: number,
  expectedRaw: number,
): Promise<void> {
  let captured = 0;
  for (const [, fields] of await redis.xrange(logKey, '-', '+')) {
    if (fields[1]?.includes('"type":"message_captured"')) captured++;
  }
  const raw = await redis.xlen(rawKey);
  if (captured !== expectedLog || raw !== expectedRaw) {
    throw new Error(
      `lost messages: the log has ${captured} of ${expectedLog} and raw has ${raw} of ${expectedRaw}`,
    );
  }
}
