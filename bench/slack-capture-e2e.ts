import { eventCallbackPayload, FAKE_IDS, messageEvent } from '../test/fakes/slack/index.ts';
import type { BenchContext, Benchmark, BenchmarkReport } from './lib/benchmark.ts';
import { figure } from './lib/benchmark.ts';
import { chatLines } from './lib/chat-corpus.ts';
import { interleave } from './lib/interleave.ts';
import type { LoadResult } from './lib/load-generator.ts';
import { median } from './lib/percentiles.ts';
import { startSlackBench } from './lib/slack-bench.ts';

/**
 * Signed Events API `message` deliveries in an incident channel, through the real Slack HTTP
 * adapter into the incident's log, against a bare Bolt app with a `message` listener that does
 * nothing (Bolt acks events itself). Then counts the log's message_captured events: an
 * accepted delivery that never reached the log is a lost message.
 */
export const slackCaptureE2e: Benchmark = {
  name: 'slack-capture-e2e',
  title: 'Message capture, end to end (Events API through Bolt into the log vs bare Bolt)',
  run,
};

const CONCURRENCY = 50;
type Side = 'tocsin' | 'bare';
const SIDES: readonly Side[] = ['tocsin', 'bare'];

async function run(context: BenchContext): Promise<BenchmarkReport> {
  const rounds = context.quick ? 1 : 3;
  const perRound = context.quick ? 200 : 3000;
  const warmUp = context.quick ? 50 : 300;
  const bench = await startSlackBench(
    'slack-capture',
    (bolt) => bolt.event('message', async () => {}),
    CONCURRENCY,
  );
  try {
    const lines = chatLines(1000, 'e2e');
    const baseSec = Math.floor(Date.now() / 1000);
    let sent = 0;
    const acceptedBy: Record<Side, number> = { tocsin: 0, bare: 0 };
    // Built here, signed and sent by the load generator in its own process (bench/lib/load-process.ts).
    const bodies = (total: number) =>
      Array.from({ length: total }, () => {
        const n = sent++;
        // Unique ts and event id per delivery: a repeat would be deduplicated, not captured.
        const event = messageEvent({
          text: lines[n % lines.length]?.text ?? `message ${n}`,
          channel: bench.incident.channel,
          user: n % 2 === 0 ? FAKE_IDS.alice : FAKE_IDS.bob,
          ts: `${baseSec + Math.floor(n / 1e6)}.${String(n % 1e6).padStart(6, '0')}`,
        });
        return JSON.stringify(eventCallbackPayload(bench.fake, event, { eventId: `Ev0BENCH${n}` }));
      });
    const measured = async (side: Side, total: number): Promise<LoadResult> => {
      const result = await bench.load.closedLoop({
        url: side === 'tocsin' ? (bench.adapter.eventsUrl ?? '') : bench.bare.eventsUrl,
        signingSecret: bench.fake.signingSecret,
        contentType: 'application/json',
        bodies: bodies(total),
        concurrency: CONCURRENCY,
      });
      acceptedBy[side] += result.accepted;
      // Capture that runs after the ack finishes before the other side starts.
      await bench.settle();
      return result;
    };
    for (const side of SIDES) await measured(side, warmUp);
    const runs = await interleave<LoadResult>(
      rounds,
      Object.fromEntries(SIDES.map((side) => [side, () => measured(side, perRound)])),
      (side, r) => context.log(`round ${r + 1}/${rounds}: ${side}`),
    );
    const rate = (side: Side) => median((runs[side] ?? []).map((r) => r.acceptedPerSec));
    const captured = (await bench.app.store.read(bench.incident.ref)).filter(
      (event) => event.type === 'message_captured',
    ).length;
    const lost = acceptedBy.tocsin - captured;
    context.log(`lost: ${lost} (${captured} of ${acceptedBy.tocsin} accepted deliveries are in the log)`);
    const failed = Object.fromEntries(
      SIDES.map((side) => [side, (runs[side] ?? []).reduce((sum, r) => sum + r.failed, 0)]),
    );
    if (bench.adapterProblems.length > 0) {
      context.log(
        `the adapter logged ${bench.adapterProblems.length} warnings; first: ${bench.adapterProblems[0]}`,
      );
    }
    const goals = !context.quick;
    return {
      figures: [
        figure({
          name: 'accepted events/s',
          value: rate('tocsin'),
          unit: 'events/s',
          baseline: { name: 'bare Bolt', value: rate('bare') },
          ...(goals ? { goal: { on: 'ratio', op: '>=', target: 0.8, text: '≥ 0.8× bare Bolt' } } : {}),
        }),
        figure({
          name: 'lost events',
          value: lost,
          unit: 'events',
          baseline: { name: 'accepted', value: acceptedBy.tocsin },
          ...(goals ? { goal: { on: 'value', op: '<=', target: 0, text: 'nothing lost' } } : {}),
        }),
      ],
      details: {
        rounds,
        concurrency: CONCURRENCY,
        eventsPerRound: perRound,
        eventsPerSec: Object.fromEntries(
          SIDES.map((s) => [s, (runs[s] ?? []).map((r) => Math.round(r.acceptedPerSec))]),
        ),
        accepted: acceptedBy,
        failed,
        capturedInLog: captured,
        lost,
        adapterWarnings: bench.adapterProblems.length,
      },
    };
  } finally {
    await bench.close();
  }
}
