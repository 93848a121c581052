import { describe, expect, it } from 'vitest';
import { WorkInFlight } from '../../../adapters/runtime/work-in-flight.ts';

function logged() {
  const lines: string[] = [];
  return { lines, warn: (message: string) => void lines.push(message) };
}

describe('work an adapter does after acknowledging a delivery', () => {
  it('is logged with its label when it fails, instead of rejecting', async () => {
    const log = logged();
    const work = new WorkInFlight(log.warn);
    await expect(
      work.run('slash command', async () => {
        throw new Error('boom');
      }),
    ).resolves.toBeUndefined();
    expect(log.lines).toEqual(['slash command failed']);
  });

  it('keeps idle() waiting until the last piece has finished', async () => {
    const work = new WorkInFlight(logged().warn);
    let release!: () => void;
    const running = work.run('message', () => new Promise<void>((resolve) => (release = resolve)));
    let idle = false;
    const waiting = work.idle().then(() => (idle = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(idle).toBe(false);
    release();
    await Promise.all([running, waiting]);
    expect(idle).toBe(true);
  });

  it('is not run once stopping has begun, and says so in the log', async () => {
    const log = logged();
    const work = new WorkInFlight(log.warn);
    work.close();
    let ran = false;
    await work.run('button', async () => {
      ran = true;
    });
    expect(ran).toBe(false);
    expect(log.lines).toEqual(['button arrived while stopping; not handled']);
  });

  it('reports not drained when it outlasts the grace period', async () => {
    const work = new WorkInFlight(logged().warn);
    void work.run('postmortem', () => new Promise<void>(() => {}));
    await expect(work.drained(10)).resolves.toBe(false);
  });
});
