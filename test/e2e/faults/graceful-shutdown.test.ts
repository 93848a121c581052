import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { bullPrefix } from '../../../src/jobs/bullmq-job-queue.ts';
import { connectRedis } from '../../../src/storage/redis/connect-redis.ts';
import { RedisIncidentStore } from '../../../src/storage/redis/redis-incident-store.ts';
import { RedisKeys } from '../../../src/storage/redis/redis-keys.ts';
import { testRedisUrl, uniquePrefix } from '../../support/test-app.ts';
import { BotProcess } from './support/bot-process.ts';
import { DRIVER_PLATFORM, DRIVER_WORKSPACE } from './support/driver-protocol.ts';
import { PrivateRedis } from './support/private-redis.ts';

const bots: BotProcess[] = [];
const clients: Redis[] = [];
let privateRedis: PrivateRedis | undefined;
afterEach(async () => {
  for (const bot of bots.splice(0)) await bot.kill();
  for (const client of clients.splice(0)) client.disconnect();
  await privateRedis?.destroy();
  privateRedis = undefined;
});

function driverEnv(redisUrl: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    REDIS_URL: redisUrl,
    TOCSIN_PREFIX: uniquePrefix('shutdown'),
    POSTMORTEM_DIR: mkdtempSync(join(tmpdir(), 'tocsin-shutdown-')),
    LOG_LEVEL: 'info',
    ...extra,
  };
}

async function start(env: Record<string, string>): Promise<BotProcess> {
  const bot = await BotProcess.driver(env);
  bots.push(bot);
  return bot;
}

function client(url: string): Redis {
  const redis = connectRedis(url);
  clients.push(redis);
  return redis;
}

describe('graceful shutdown on SIGTERM', () => {
  it('finishes the command in flight, answers it, records it, and exits 0', async () => {
    privateRedis = await PrivateRedis.start();
    const env = driverEnv(privateRedis.url);
    const bot = await start(env);
    bot.send({ op: 'declare', title: 'db down' });
    const declared = await bot.waitFor((event) => event.event === 'declared', 'the incident');
    // Holds every write for 2 s, so the note is still in flight when the signal arrives.
    await client(privateRedis.url).call('CLIENT', 'PAUSE', '2000', 'WRITE');
    bot.send({ op: 'command', id: 'c1', text: 'note written during shutdown', channel: declared.channel });
    await bot.waitFor((event) => event.event === 'accepted' && event.id === 'c1', 'the note to be accepted');
    bot.signal('SIGTERM');
    const exit = await bot.exited;
    expect(exit.code).toBe(0);
    expect(bot.events.find((event) => event.id === 'c1' && event.event === 'reply')?.text).toContain(
      'Noted: written during shutdown',
    );
    expect(bot.stderr).toContain('shutdown complete');
    const store = new RedisIncidentStore(client(privateRedis.url), new RedisKeys(env.TOCSIN_PREFIX));
    const events = await store.read({ platform: DRIVER_PLATFORM, workspace: DRIVER_WORKSPACE, number: 1 });
    expect(
      events.some((event) => event.type === 'note_added' && event.text === 'written during shutdown'),
    ).toBe(true);
  }, 30_000);

  it('hands a job that is still running back to the queue, exits 0, and the job runs after the restart', async () => {
    const env = driverEnv(testRedisUrl(), { SHUTDOWN_DEADLINE_MS: '4000' });
    const bot = await start(env);
    bot.send({ op: 'enqueue', name: 'hang', jobId: 'escalate-1' });
    await bot.waitFor((event) => event.event === 'job-active', 'the job to start');
    bot.signal('SIGTERM');
    const exit = await bot.exited;
    expect(exit.code).toBe(0);
    expect(bot.stderr).toContain('unfinished jobs returned to the queue');
    const queue = new Queue('tocsin', {
      connection: client(testRedisUrl()),
      prefix: bullPrefix(env.TOCSIN_PREFIX ?? ''),
    });
    try {
      expect(await queue.getJobState('escalate-1')).toBe('waiting');
    } finally {
      await queue.close();
    }
    const next = await start({ ...env, HANG_JOBS_FINISH: '1' });
    await next.waitFor(
      (event) => event.event === 'job-done' && event.jobId === 'escalate-1',
      'the job to run again',
    );
  }, 30_000);

  it('does not wait for an adapter that will not stop: it carries on and still exits 0', async () => {
    const bot = await start(driverEnv(testRedisUrl(), { HANG_ON_STOP: '1', SHUTDOWN_DEADLINE_MS: '4000' }));
    bot.signal('SIGTERM');
    expect((await bot.exited).code).toBe(0);
    expect(bot.stderr).toContain('adapters did not stop in time');
  }, 30_000);

  it('exits at the deadline, with an error, when a step of the shutdown hangs', async () => {
    const bot = await start(
      driverEnv(testRedisUrl(), { HANG_AFTER_REDIS: '1', SHUTDOWN_DEADLINE_MS: '1500' }),
    );
    bot.signal('SIGTERM');
    const exit = await bot.exited;
    expect(exit.code).toBe(1);
    expect(bot.stderr).toContain('shutdown deadline passed');
  }, 30_000);
});
