import { writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { captureInProcess } from './capture-in-process.ts';
import { idleRss } from './idle-rss.ts';
import { importExport } from './import-export.ts';
import type { Benchmark, BenchmarkReport } from './lib/benchmark.ts';
import { round } from './lib/goals.ts';
import { machineInfo } from './lib/machine-info.ts';
import { resultsTable } from './lib/results-table.ts';
import { postmortemScaling } from './postmortem-scaling.ts';
import { slackAckLatency } from './slack-ack-latency.ts';
import { slackCaptureE2e } from './slack-capture-e2e.ts';
import { timerPrecision } from './timer-precision.ts';
import { webList } from './web-list.ts';

/**
 * Every benchmark, in the order they run. To add one: a file in bench/ exporting a `Benchmark`
 * whose figures come from `figure()` against a baseline measured in the same run (interleave the
 * sides with lib/interleave.ts), honouring `quick`; then list it here. The Slack benchmarks
 * share lib/slack-bench.ts (real adapter and bare Bolt on one fake Slack).
 */
const BENCHMARKS: readonly Benchmark[] = [
  captureInProcess,
  postmortemScaling,
  timerPrecision,
  slackAckLatency,
  slackCaptureE2e,
  idleRss,
  importExport,
  webList,
];

const RESULTS_FILE = fileURLToPath(new URL('./results.json', import.meta.url));

interface Options {
  quick: boolean;
  only: string[];
}

function parseArgs(argv: readonly string[]): Options {
  const options: Options = { quick: false, only: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--quick') options.quick = true;
    else if (arg === '--only') options.only.push(...(argv[++i] ?? '').split(',').filter(Boolean));
    else if (arg?.startsWith('--only=')) options.only.push(...arg.slice(7).split(',').filter(Boolean));
    else throw new Error(`unknown argument ${arg}; use --quick and --only <name,name>`);
  }
  const unknown = options.only.filter((name) => !BENCHMARKS.some((b) => b.name === name));
  if (unknown.length > 0) {
    throw new Error(
      `no benchmark ${unknown.join(', ')}; there are ${BENCHMARKS.map((b) => b.name).join(', ')}`,
    );
  }
  return options;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const selected = BENCHMARKS.filter((b) => options.only.length === 0 || options.only.includes(b.name));
  const started = new Date();
  // Other processes' load skews absolute figures (ratios much less): keep it with the results.
  const loadAtStart = loadavg();
  const out = (line: string) => process.stdout.write(`${line}\n`);
  if (options.quick)
    out('--quick: tiny sizes, only to prove the benchmarks run. These figures mean nothing.');
  const reports: { name: string; title: string; seconds: number; report: BenchmarkReport }[] = [];
  for (const benchmark of selected) {
    out(`\n== ${benchmark.title}`);
    const t0 = performance.now();
    const report = await benchmark.run({ quick: options.quick, log: (line) => out(`   ${line}`) });
    reports.push({ ...benchmark, seconds: (performance.now() - t0) / 1000, report });
  }
  const rows = reports.flatMap(({ name, report }) =>
    report.figures.map((figure) => ({ benchmark: name, figure })),
  );
  const command = `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`;
  const loadAtEnd = loadavg();
  out(`\n${resultsTable(rows)}\n`);
  out(
    `load average (1, 5, 15 min) at start ${loadAtStart.map(round).join(', ')}, at end ${loadAtEnd.map(round).join(', ')}`,
  );
  const results = {
    command,
    date: started.toISOString(),
    quick: options.quick,
    machine: machineInfo(),
    loadAverage: { atStart: loadAtStart, atEnd: loadAtEnd },
    benchmarks: reports.map(({ name, title, seconds, report }) => ({
      name,
      title,
      seconds: Math.round(seconds * 10) / 10,
      figures: report.figures,
      details: report.details,
    })),
  };
  // A quick run must not overwrite the figures of the last real run.
  const file = options.quick ? join(tmpdir(), 'tocsin-bench-quick-results.json') : RESULTS_FILE;
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  out(`results written to ${file}`);
}

main().then(
  // Exit explicitly: a library that forgot to unref a timer must not keep CI waiting.
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`benchmark failed: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
