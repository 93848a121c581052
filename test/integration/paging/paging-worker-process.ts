/**
 * A bot worker as its own process, for the restart test: it consumes the paging jobs of one
 * prefix until it is killed. Config and clock come in through the environment as JSON.
 */
import { ConsolePlatform } from '../../../adapters/console/console-platform.ts';
import { createApp } from '../../../src/app/create-app.ts';
import { configSchema } from '../../../src/config/config-schema.ts';
import { AdjustableClock } from '../../../src/core/time/clock.ts';
import { connectRedis } from '../../../src/storage/redis/connect-redis.ts';

const env = process.env;
const redis = connectRedis(env.WORKER_REDIS_URL ?? '');
const clock = new AdjustableClock();
if (env.WORKER_NOW) clock.set(new Date(env.WORKER_NOW));
const app = createApp({
  redis,
  config: configSchema.parse(JSON.parse(env.WORKER_CONFIG ?? '{}')),
  postmortemDir: env.WORKER_POSTMORTEM_DIR ?? '/tmp',
  prefix: env.WORKER_PREFIX ?? 'tocsin',
  clock,
});
app.platforms.register(
  new ConsolePlatform((text) => process.stdout.write(`${text}\n`), app.services.redactor),
);
app.startWorkers();
await app.jobs.start().waitUntilReady();
process.stdout.write('worker ready\n');
