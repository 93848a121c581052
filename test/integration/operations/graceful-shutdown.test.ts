import { afterEach, describe, expect, it } from 'vitest';
import { createShutdown, SHUTDOWN_DEADLINE_MS } from '../../../src/app/graceful-shutdown.ts';
import { SystemError } from '../../../src/core/errors.ts';
import type { RunningAdapter } from '../../../src/ports/running-adapter.ts';
import { createOpsApp, type OpsApp } from './support/ops-app.ts';

let app: OpsApp | undefined;
afterEach(async () => {
  if (app?.redis.status === 'ready') await app.dispose();
  app = undefined;
});

function stoppable(log: string[]): RunningAdapter {
  return {
    name: 'chat',
    isReady: () => true,
    stop: async () => {
      log.push('adapter stopped');
    },
  };
}

describe('the shutdown sequence', () => {
  it('gives a process 10 seconds to leave', () => {
    expect(SHUTDOWN_DEADLINE_MS).toBe(10_000);
  });

  it('stops the adapters, closes Redis, then exits 0', async () => {
    app = createOpsApp();
    await app.redis.ping();
    const log: string[] = [];
    const shutdown = createShutdown({
      app,
      redis: app.redis,
      adapters: () => [stoppable(log)],
      exit: (code) => log.push(`exit ${code}`),
    });
    const ended = new Promise((resolve) => app?.redis.once('end', resolve));
    await shutdown.run('SIGTERM');
    expect(log).toEqual(['adapter stopped', 'exit 0']);
    await ended;
  });

  it('refuses events that arrive once it has begun: nothing is recorded, and /readyz says why', async () => {
    app = createOpsApp();
    const { channel, ref } = await app.declare('db down');
    const shutdown = createShutdown({ app, redis: app.redis, adapters: () => [], exit: () => {} });
    const running = shutdown.run('SIGTERM');
    const refused = await app.command('note too late', { channel }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(SystemError);
    expect((refused as SystemError).code).toBe('shutting_down');
    expect(app.readiness.reasons()).toContain('shutting down');
    await running;
    expect(shutdown.stopping).toBe(true);
    const reader = createOpsApp({ startWorkers: false });
    try {
      const notes = (await reader.store.read(ref)).filter((event) => event.type === 'note_added');
      expect(notes).toEqual([]);
    } finally {
      await reader.dispose();
    }
  });
});
