import { afterEach, describe, expect, it } from 'vitest';
import { createOpsApp, type OpsApp } from './support/ops-app.ts';

let app: OpsApp | undefined;
afterEach(async () => {
  await app?.dispose();
  app = undefined;
});

function appWithJob(run: () => Promise<void>): { app: OpsApp; started: Promise<void> } {
  const created = createOpsApp({ startWorkers: false });
  let markStarted: () => void = () => {};
  const started = new Promise<void>((resolve) => {
    markStarted = resolve;
  });
  created.jobs.handle('work', async () => {
    markStarted();
    await run();
  });
  created.startWorkers();
  app = created;
  return { app: created, started };
}

describe('closing the job workers with a grace period', () => {
  it('lets a job that finishes within the grace complete', async () => {
    let release: () => void = () => {};
    const { app: running, started } = appWithJob(
      () =>
        new Promise<void>((resolve) => {
          release = resolve;
        }),
    );
    await running.jobs.enqueue('work', {}, { jobId: 'quick' });
    await started;
    const closing = running.close({ graceMs: 20_000 });
    release();
    await closing;
    expect(await running.jobs.queue.getJobState('quick')).toBe('completed');
  });

  it('puts a job still running after the grace back in the wait list at once', async () => {
    const { app: running, started } = appWithJob(() => new Promise<void>(() => {}));
    await running.jobs.enqueue('work', {}, { jobId: 'stuck' });
    await started;
    await running.close({ graceMs: 50 });
    expect(await running.jobs.queue.getJobState('stuck')).toBe('waiting');
  });
});
