import type { BenchContext, Benchmark, BenchmarkReport, Figure } from './lib/benchmark.ts';
import { figure } from './lib/benchmark.ts';
import { interleave } from './lib/interleave.ts';
import type { LoadResult, PacedResult } from './lib/load-generator.ts';
import type { LoadRequest } from './lib/load-process-protocol.ts';
import { median, summarize } from './lib/percentiles.ts';
import { COMMAND_CONTENT_TYPE, commandBody, type SlackBench, startSlackBench } from './lib/slack-bench.ts';

/**
 * `/incident note …` in an incident channel through the real Slack HTTP adapter, against a bare
 * Bolt app whose `/incident` listener only acks. A note is the command responders send most
 * during an incident, and it does real work before the ack (parse, preconditions, append to the
 * log); its echo goes to response_url after the ack, as Slack expects.
 */
export const slackAckLatency: Benchmark = {
  name: 'slack-ack-latency',
  title: 'Slash-command ack latency (/incident note, Slack HTTP adapter vs bare Bolt)',
  run,
};

const CONCURRENCY = 50;
const SENDERS = 50;
/** Sub-10 ms tails are noise on these machines (issue #8). */
const P99_FLOOR_MS = 10;

type Side = 'tocsin' | 'bare';
const SIDES: readonly Side[] = ['tocsin', 'bare'];

async function run(context: BenchContext): Promise<BenchmarkReport> {
  const rounds = context.quick ? 1 : 3;
  const closedTotal = context.quick ? 200 : 3000;
  // ≥ 4,000 paced requests per side over all rounds.
  const pacedPerRound = context.quick ? 200 : 2000;
  const bench = await startSlackBench(
    'slack-ack',
    (bolt) => bolt.command('/incident', ({ ack }) => ack()),
    CONCURRENCY,
  );
  try {
    let sent = 0;
    let notesAcked = 0;
    // Built here, signed and sent by the load generator in its own process (bench/lib/load-process.ts).
    const requestTo = (side: Side, total: number): Omit<LoadRequest, 'concurrency'> => ({
      url: side === 'tocsin' ? (bench.adapter.eventsUrl ?? '') : bench.bare.eventsUrl,
      signingSecret: bench.fake.signingSecret,
      contentType: COMMAND_CONTENT_TYPE,
      bodies: Array.from({ length: total }, () => {
        const n = sent++;
        return commandBody(bench.fake, `note benchmark update ${n}`, bench.incident.channel, n);
      }),
    });
    /** Per closed-loop round of ours: acked notes over the time until the last one was in the log. */
    const recordedPerSec: number[] = [];
    const measured = async <T extends LoadResult>(side: Side, load: () => Promise<T>): Promise<T> => {
      const started = performance.now();
      const result = await load();
      if (side === 'tocsin') notesAcked += result.accepted;
      // The notes' response_url echoes finish before the other side starts. tocsin acks first and
      // works after, so the time until it settles is what recording them all took.
      await bench.settle();
      if (side === 'tocsin' && !('responseMs' in result))
        recordedPerSec.push((result.accepted * 1000) / (performance.now() - started));
      return result;
    };
    const closedLoop = (side: Side, total: number) =>
      bench.load.closedLoop({ ...requestTo(side, total), concurrency: CONCURRENCY });
    // Warm-up, untimed: JIT, connections, Lua script cache.
    for (const side of SIDES) await measured(side, () => closedLoop(side, 200));

    const closed = await interleave<LoadResult>(
      rounds,
      Object.fromEntries(
        SIDES.map((side) => [side, () => measured(side, () => closedLoop(side, closedTotal))]),
      ),
      (side, r) => context.log(`closed loop round ${r + 1}/${rounds}: ${side}`),
    );
    const throughput = (side: Side) => median((closed[side] ?? []).map((r) => r.acceptedPerSec));
    const bareMax = throughput('bare');
    const rate = bareMax / 2;
    context.log(`bare Bolt max ${Math.round(bareMax)} req/s; paced at ${Math.round(rate)} req/s`);

    const pacedRuns = await interleave<PacedResult>(
      rounds,
      Object.fromEntries(
        SIDES.map((side) => [
          side,
          () =>
            measured(side, () =>
              bench.load.paced({ ...requestTo(side, pacedPerRound), concurrency: SENDERS, ratePerSec: rate }),
            ),
        ]),
      ),
      (side, r) => context.log(`paced round ${r + 1}/${rounds}: ${side}`),
    );
    const latency = (side: Side) => summarize((pacedRuns[side] ?? []).flatMap((r) => r.responseMs));
    const failures = (side: Side) =>
      [...(closed[side] ?? []), ...(pacedRuns[side] ?? [])].reduce((sum, r) => sum + r.failed, 0);
    for (const side of SIDES) {
      if (failures(side) > 0) {
        const reasons = [...(closed[side] ?? []), ...(pacedRuns[side] ?? [])].flatMap((r) => r.failures);
        throw new Error(`${side}: ${failures(side)} requests failed: ${reasons.slice(0, 5).join('; ')}`);
      }
    }
    warnIfProblems(bench, context);
    // An ack that did no work would flatter the figures: every acked note must be in the log.
    const notes = (await bench.app.store.read(bench.incident.ref)).filter(
      (e) => e.type === 'note_added',
    ).length;
    if (notes !== notesAcked) throw new Error(`${notesAcked} notes were acked but ${notes} are in the log`);
    context.log(`all ${notes} acked notes are in the log`);
    const ours = latency('tocsin');
    const theirs = latency('bare');
    const goals = !context.quick;
    const figures: Figure[] = [
      figure({
        name: 'closed loop, concurrency 50',
        value: throughput('tocsin'),
        unit: 'req/s',
        baseline: { name: 'bare Bolt', value: bareMax },
        ...(goals ? { goal: { on: 'ratio', op: '>=', target: 0.8, text: '≥ 0.8× bare Bolt' } } : {}),
      }),
      figure({
        // Warm-up round left out: the measured rounds only.
        name: 'closed loop, notes recorded/s (ack to all in the log)',
        value: median(recordedPerSec.slice(1)),
        unit: 'notes/s',
        baseline: { name: 'bare Bolt acks', value: bareMax },
      }),
      figure({
        name: 'paced p50',
        value: ours.p50,
        unit: 'ms',
        baseline: { name: 'bare Bolt p50', value: theirs.p50 },
        ...(goals ? { goal: { on: 'ratio', op: '<=', target: 1.2, text: '≤ 1.2× bare Bolt' } } : {}),
      }),
      figure({
        name: 'paced p99',
        value: ours.p99,
        unit: 'ms',
        baseline: { name: 'bare Bolt p99', value: theirs.p99 },
        ratioFloor: P99_FLOOR_MS,
        ...(goals
          ? { goal: { on: 'ratio', op: '<=', target: 2, text: '≤ 2× bare Bolt (floored at 10 ms)' } }
          : {}),
      }),
      figure({
        name: 'paced max',
        value: ours.max,
        unit: 'ms',
        baseline: { name: 'bare Bolt max', value: theirs.max },
        ratioFloor: P99_FLOOR_MS,
      }),
    ];
    return {
      figures,
      details: {
        command: '/incident note benchmark update <n>, in the incident channel, 50 users',
        rounds,
        closedLoop: {
          concurrency: CONCURRENCY,
          requestsPerRound: closedTotal,
          reqPerSec: Object.fromEntries(
            SIDES.map((s) => [s, (closed[s] ?? []).map((r) => Math.round(r.acceptedPerSec))]),
          ),
        },
        paced: {
          senders: SENDERS,
          offeredPerSec: Math.round(rate),
          requestsPerSide: rounds * pacedPerRound,
          responseMs: { tocsin: ours, bare: theirs },
          maxStartLagMs: Object.fromEntries(
            SIDES.map((s) => [s, Math.max(...(pacedRuns[s] ?? []).map((r) => r.maxStartLagMs))]),
          ),
        },
      },
    };
  } finally {
    await bench.close();
  }
}

function warnIfProblems(bench: SlackBench, context: BenchContext): void {
  if (bench.adapterProblems.length > 0) {
    context.log(
      `the adapter logged ${bench.adapterProblems.length} warnings; first: ${bench.adapterProblems[0]}`,
    );
  }
}
