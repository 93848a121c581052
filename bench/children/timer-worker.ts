import { connectRedis } from '../../src/storage/redis/connect-redis.ts';
import { createBenchApp } from '../lib/bench-app.ts';
import { answerParent, childInput } from '../lib/run-child.ts';
import { TIMED_JOB } from '../lib/timed-job.ts';

/**
 * A bot process that only runs jobs: the app as wired in production, its BullMQ worker started.
 * Prints `{"ready":true}` once consuming, then `{"fired":<job id>,"at":<epoch ms>}` as each job
 * starts. SIGTERM shuts it down the way the bot does (worker closed, then exit).
 */
export interface TimerWorkerInput {
  redisUrl: string;
  prefix: string;
}

const input = childInput<TimerWorkerInput>();
const redis = connectRedis(input.redisUrl);
const app = createBenchApp(redis, input.prefix);
if (TIMED_JOB.handler) app.jobs.handle(TIMED_JOB.name, TIMED_JOB.handler);
const worker = app.jobs.start();
worker.on('active', (job) => {
  if (job.name === TIMED_JOB.name) answerParent({ fired: job.id, at: Date.now() });
});
process.once('SIGTERM', () => {
  void app
    .dispose()
    .then(() => redis.disconnect())
    .finally(() => process.exit(0));
});
await worker.waitUntilReady();
answerParent({ ready: true });
