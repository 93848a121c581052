import { request } from 'node:http';
import { CONSOLE_PLATFORM, CONSOLE_WORKSPACE } from '../adapters/console/console-platform.ts';
import { SEVERITIES } from '../src/core/model/severity.ts';
import { startHttpServer } from '../src/http/start-http-server.ts';
import { createBenchApp } from './lib/bench-app.ts';
import { startBenchRedis } from './lib/bench-redis.ts';
import type { BenchContext, Benchmark, BenchmarkReport } from './lib/benchmark.ts';
import { figure } from './lib/benchmark.ts';
import { interleave } from './lib/interleave.ts';
import { median } from './lib/percentiles.ts';
import { webSessionCookie } from './lib/web-sign-in.ts';

/**
 * The web view's incident list with 1,000 incidents in the workspace: time to the first byte of
 * `GET /web/incidents` (signed in, every incident folded and checked for visibility, one page
 * rendered) over a real socket, against the first byte of a static file from the same server.
 */
export const webList: Benchmark = {
  name: 'web-list',
  title: 'Web view: first byte of the incident list with 1,000 incidents',
  run,
};

const WORKSPACE = { platform: CONSOLE_PLATFORM, workspace: CONSOLE_WORKSPACE };

async function run(context: BenchContext): Promise<BenchmarkReport> {
  const incidents = context.quick ? 50 : 1000;
  const rounds = context.quick ? 2 : 15;
  const redis = await startBenchRedis('web-list');
  const app = createBenchApp(redis.connect(), redis.uniquePrefix('web-list'));
  const server = await startHttpServer(0, [], { fallback: app.http.listener, host: '127.0.0.1' });
  try {
    context.log(`declaring ${incidents} incidents`);
    const start = Date.parse('2026-09-01T00:00:00Z');
    for (let n = 0; n < incidents; n++) {
      const at = new Date(start + n * 3_600_000);
      await app.store.declare({
        workspace: WORKSPACE,
        actor: { id: 'alice', name: 'alice' },
        origin: { ...WORKSPACE, channel: 'general' },
        at,
        body: { type: 'declared', title: `checkout errors ${n}`, severity: SEVERITIES[n % 4] ?? 'SEV3' },
      });
    }
    const entries = context.quick ? 500 : 100_000;
    context.log(`writing ${entries} notes into INC-1`);
    await writeNotes(app, entries);
    const cookie = await webSessionCookie(app, { ...WORKSPACE, actor: { id: 'alice', name: 'alice' } });
    const url = (path: string) => `http://127.0.0.1:${server.port}${path}`;
    // A first request folds every incident into the store's per-process cache, as the first
    // visitor after a start does; the rounds measure the page as everyone after sees it.
    const cold = await firstByteMs(url('/web/incidents'), cookie);
    const runs = await interleave(
      rounds,
      {
        list: () => firstByteMs(url('/web/incidents'), cookie),
        staticFile: () => firstByteMs(url('/web/static/web.css'), cookie),
      },
      (side, r) => context.log(`round ${r + 1}/${rounds}: ${side}`),
    );
    const bigRounds = context.quick ? 1 : 3;
    const big = await interleave(
      bigRounds,
      {
        incidentPage: () => firstByteMs(url('/web/incidents/1'), cookie),
        readLog: () => readLogMs(app, entries),
      },
      (side, r) => context.log(`big incident, round ${r + 1}/${bigRounds}: ${side}`),
    );
    const list = median(runs.list ?? []);
    const staticFile = median(runs.staticFile ?? []);
    return {
      figures: [
        figure({
          name: `first byte of the list, ${incidents} incidents`,
          value: list,
          unit: 'ms',
          baseline: { name: 'a static file from the same server', value: staticFile },
          ratioFloor: 1,
          goal: { on: 'value', op: '<', target: 200, text: '< 200 ms' },
        }),
        figure({
          name: `first byte of the list, first visit after a start`,
          value: cold,
          unit: 'ms',
          baseline: { name: 'a static file from the same server', value: staticFile },
          ratioFloor: 1,
        }),
        figure({
          name: `first byte of an incident page, ${entries} timeline entries`,
          value: median(big.incidentPage ?? []),
          unit: 'ms',
          baseline: { name: 'reading its log only', value: median(big.readLog ?? []) },
        }),
      ],
      details: { incidents, rounds, runs, cold, entries, big },
    };
  } finally {
    await server.close();
    await app.dispose();
    await redis.stop();
  }
}

/** Milliseconds from sending the request to the first byte of the answer's body. */
function firstByteMs(url: string, cookie: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = request(url, { headers: { cookie } }, (res) => {
      if (res.statusCode !== 200) reject(new Error(`${url} answered ${res.statusCode}`));
      let first: number | undefined;
      res.on('data', () => {
        first ??= performance.now() - started;
      });
      res.on('end', () => resolve(first ?? performance.now() - started));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** INC-1 gets `count` notes, appended as commands append them (revision-checked), in batches. */
async function writeNotes(app: ReturnType<typeof createBenchApp>, count: number): Promise<void> {
  const ref = { ...WORKSPACE, number: 1 };
  const actor = { id: 'bob', name: 'bob' };
  const origin = { ...WORKSPACE, channel: 'inc-1' };
  const start = Date.parse('2026-09-01T00:00:00Z');
  for (let written = 0; written < count; written += 1000) {
    const state = await app.store.state(ref);
    const events = Array.from({ length: Math.min(1000, count - written) }, (_, i) => {
      const at = new Date(start + (written + i) * 1000).toISOString();
      return {
        type: 'note_added' as const,
        text: `step ${written + i}: checked the dashboards`,
        occurredAt: at,
        at,
        actor,
        origin,
      };
    });
    const result = await app.store.append({ ref, events, expectedRevision: state?.revision ?? 0 });
    if (result.status !== 'appended') throw new Error(`could not write the notes: ${result.status}`);
  }
}

/** The baseline of the big page: reading and parsing the incident's log, nothing else. */
async function readLogMs(app: ReturnType<typeof createBenchApp>, expected: number): Promise<number> {
  const started = performance.now();
  let read = 0;
  for await (const page of app.store.scan({ ...WORKSPACE, number: 1 })) read += page.length;
  if (read < expected) throw new Error(`read ${read} events, expected at least ${expected}`);
  return performance.now() - started;
}
