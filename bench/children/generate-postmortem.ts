import type { IncidentRef } from '../../src/core/model/incident-ref.ts';
import { connectRedis } from '../../src/storage/redis/connect-redis.ts';
import { createBenchApp } from '../lib/bench-app.ts';
import { answerParent, childInput } from '../lib/run-child.ts';

/**
 * One measurement of the postmortem benchmark, alone in its own process so that its peak RSS is
 * its own. `generate` writes the draft through the public API; `read` only reads and parses the
 * same log (the floor any view of it pays), in an identically wired process.
 */
export interface GenerateInput {
  redisUrl: string;
  prefix: string;
  ref: IncidentRef;
  mode: 'generate' | 'read';
}

export interface GenerateOutput {
  ms: number;
  maxRssMb: number;
  rssBeforeMb: number;
  /** Draft size in bytes (generate) or events read (read). */
  size: number;
}

const input = childInput<GenerateInput>();
const redis = connectRedis(input.redisUrl);
const app = createBenchApp(redis, input.prefix);
await redis.ping();
const rssBeforeMb = process.memoryUsage().rss / 2 ** 20;
const started = performance.now();
let size = 0;
if (input.mode === 'generate') {
  const draft = await app.services.postmortems.generate(input.ref, undefined);
  size = Buffer.byteLength(draft.content);
} else {
  for await (const page of app.store.scan(input.ref)) size += page.length;
}
const ms = performance.now() - started;
// maxRSS is in kilobytes: the high-water mark of the whole process, start-up included.
const maxRssMb = process.resourceUsage().maxRSS / 1024;
await app.dispose();
redis.disconnect();
answerParent({ ms, maxRssMb, rssBeforeMb, size } satisfies GenerateOutput);
