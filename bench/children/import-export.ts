import { checkExport } from '../../src/import/check-export.ts';
import { runImport } from '../../src/import/run-import.ts';
import { readSlackExport } from '../../src/import/slack-export.ts';
import { connectRedis } from '../../src/storage/redis/connect-redis.ts';
import { createBenchApp } from '../lib/bench-app.ts';
import { answerParent, childInput } from '../lib/run-child.ts';

/**
 * One measurement of the import benchmark, alone in its process so its peak RSS is its own.
 * `import` runs `npm run import`'s whole path (check, write, draft); `read` only reads and
 * parses every day file of the same export, the floor any importer pays.
 */
export interface ImportInput {
  redisUrl: string;
  prefix: string;
  file: string;
  channel: string;
  mode: 'import' | 'read';
}

export interface ImportOutput {
  ms: number;
  maxRssMb: number;
  messages: number;
}

const input = childInput<ImportInput>();
const redis = connectRedis(input.redisUrl);
const app = createBenchApp(redis, input.prefix);
await redis.ping();
const started = performance.now();
const source = await readSlackExport(input.file, { channel: input.channel });
let messages = 0;
if (input.mode === 'import') {
  const request = { kind: 'slack' as const, file: input.file, channel: input.channel, dryRun: false };
  const lines = await runImport(app, request, source);
  messages = Number(/(\d+) messages recorded/.exec(lines.join('\n'))?.[1] ?? 0);
} else {
  messages = (await checkExport(source)).messages;
}
const ms = performance.now() - started;
const maxRssMb = process.resourceUsage().maxRSS / 1024;
await app.close();
redis.disconnect();
answerParent({ ms, maxRssMb, messages } satisfies ImportOutput);
