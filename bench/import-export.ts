import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { slackTs, writeSlackExport } from '../test/fixtures/exports/slack-export-builder.ts';
import type { ImportInput, ImportOutput } from './children/import-export.ts';
import { startBenchRedis } from './lib/bench-redis.ts';
import type { BenchContext, Benchmark, BenchmarkReport } from './lib/benchmark.ts';
import { figure } from './lib/benchmark.ts';
import { bundleChild, spawnCompiledChild } from './lib/compiled-child.ts';
import { round } from './lib/goals.ts';
import { childAnswer } from './lib/run-child.ts';

const CHILD = new URL('./children/import-export.ts', import.meta.url);
const DAYS = ['2026-11-20', '2026-11-21', '2026-11-22'];

/**
 * `npm run import` of a generated Slack export (#18: 50,000 messages over 3 days in under 10 s
 * and 200 MB), in a fresh process, against a child that only reads and parses the same export.
 */
export const importExport: Benchmark = {
  name: 'import-export',
  title: 'Importing a Slack export of 50,000 messages over 3 days',
  run,
};

async function run(context: BenchContext): Promise<BenchmarkReport> {
  const total = context.quick ? 600 : 50_000;
  const file = join(mkdtempSync(join(tmpdir(), 'tocsin-import-bench-')), 'export.zip');
  await writeExport(file, total);
  context.log(`wrote an export of ${total} messages`);
  const server = await startBenchRedis('import');
  try {
    const bundle = await bundleChild(CHILD);
    const measure = (mode: ImportInput['mode']) =>
      childAnswer<ImportOutput>(
        // With the flags `npm run import` runs with (package.json), so the figure is the command's.
        spawnCompiledChild(
          bundle,
          { redisUrl: server.url, prefix: server.uniquePrefix('import'), file, channel: 'db-outage', mode },
          ['--expose-gc'],
        ),
        CHILD.pathname,
      );
    const read = await measure('read');
    const imported = await measure('import');
    if (imported.messages !== total) throw new Error(`imported ${imported.messages} of ${total} messages`);
    context.log(
      `import ${round(imported.ms)} ms, ${round(imported.maxRssMb)} MB; read only ${round(read.ms)} ms, ${round(read.maxRssMb)} MB`,
    );
    const goals = !context.quick;
    return {
      figures: [
        figure({
          name: `import time, ${total} messages`,
          value: imported.ms,
          unit: 'ms',
          baseline: { name: 'read and parse the export only', value: read.ms },
          ...(goals
            ? { goal: { on: 'value' as const, op: '<' as const, target: 10_000, text: '< 10 s (#18)' } }
            : {}),
        }),
        figure({
          name: `import peak RSS, ${total} messages`,
          value: imported.maxRssMb,
          unit: 'MB',
          baseline: { name: 'read and parse the export only', value: read.maxRssMb },
          ...(goals
            ? { goal: { on: 'value' as const, op: '<' as const, target: 200, text: '< 200 MB (#18)' } }
            : {}),
        }),
      ],
      details: { total, read, imported },
    };
  } finally {
    await server.stop();
  }
}

/** Three day files of chat in one channel, with threads, a bot, files and a pin now and then. */
async function writeExport(file: string, total: number): Promise<void> {
  const perDay = Math.ceil(total / DAYS.length);
  const days: Record<string, Record<string, unknown>[] & { ts: string }[]> = {};
  let made = 0;
  for (const day of DAYS) {
    const messages: { ts: string; [key: string]: unknown }[] = [];
    for (let i = 0; i < perDay && made < total; i += 1, made += 1) {
      const ts = slackTs(`${day}T00:00:00Z`, 0).split('.')[0] as string;
      const at = `${Number(ts) + Math.floor((i * 86_000) / perDay)}.${String(i).padStart(6, '0')}`;
      messages.push({
        ts: at,
        user: `U${i % 40}`,
        text: `line ${made}: error rate at ${i % 100}% on checkout-${i % 7}, looking at the db replica lag`,
        ...(i % 10 === 3 && messages[0] ? { thread_ts: messages[0].ts } : {}),
        ...(i % 500 === 7 ? { reactions: [{ name: 'pushpin', users: ['U1'], count: 1 }] } : {}),
      });
    }
    days[`db-outage/${day}.json`] = messages;
  }
  await writeSlackExport(file, {
    users: Array.from({ length: 40 }, (_, i) => ({ id: `U${i}`, name: `person${i}` })),
    channels: [{ id: 'C0DB', name: 'db-outage' }],
    days,
  });
}
