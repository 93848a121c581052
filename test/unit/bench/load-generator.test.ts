import { describe, expect, it } from 'vitest';
import type { LoadClock } from '../../../bench/lib/load-clock.ts';
import { closedLoop, paced, pacedSchedule } from '../../../bench/lib/load-generator.ts';

/**
 * Simulated time: a sleeper wakes only when everything else is waiting too, and the clock jumps
 * to its instant. Latencies then come out exact, and no test waits or depends on machine speed.
 */
function virtualTime() {
  let now = 0;
  const sleepers: { at: number; wake: () => void }[] = [];
  const clock: LoadClock = {
    now: () => now,
    sleepUntil: (at) => (at <= now ? Promise.resolve() : new Promise((wake) => sleepers.push({ at, wake }))),
  };
  return {
    clock,
    /** A request that takes `ms` of simulated time. */
    takes: (ms: number) => clock.sleepUntil(now + ms),
    async run<T>(work: Promise<T>): Promise<T> {
      let done = false;
      void work.finally(() => {
        done = true;
      });
      while (!done) {
        await new Promise((resolve) => setImmediate(resolve));
        if (done) break;
        sleepers.sort((a, b) => a.at - b.at);
        const next = sleepers.shift();
        if (!next) throw new Error('deadlock: nothing to wake and the load is not done');
        now = next.at;
        next.wake();
      }
      return work;
    },
  };
}

describe('the paced schedule', () => {
  it('offers the requested rate, dealing requests round-robin to the senders', () => {
    expect(pacedSchedule(6, 100, 2)).toEqual([
      [0, 20, 40],
      [10, 30, 50],
    ]);
  });

  it('gives a sender nothing when there are more senders than requests', () => {
    expect(pacedSchedule(2, 1000, 3)).toEqual([[0], [1], []]);
  });

  it('refuses a rate of zero and non-integer counts', () => {
    expect(() => pacedSchedule(10, 0, 1)).toThrow(RangeError);
    expect(() => pacedSchedule(10.5, 10, 1)).toThrow(RangeError);
    expect(() => pacedSchedule(10, 10, 0)).toThrow(RangeError);
  });
});

describe('the closed-loop load generator', () => {
  it('sends exactly the total, never more than `concurrency` at once, each index once', async () => {
    const time = virtualTime();
    const seen: number[] = [];
    const result = await time.run(
      closedLoop({
        concurrency: 10,
        total: 95,
        clock: time.clock,
        send: async (index) => {
          seen.push(index);
          await time.takes(5);
          return true;
        },
      }),
    );
    expect(result.completed).toBe(95);
    expect(result.accepted).toBe(95);
    expect(result.maxInFlight).toBe(10);
    expect([...seen].sort((a, b) => a - b)).toEqual(Array.from({ length: 95 }, (_, i) => i));
  });

  it('reports throughput as accepted requests over the elapsed time', async () => {
    const time = virtualTime();
    const result = await time.run(
      closedLoop({
        concurrency: 10,
        total: 100,
        clock: time.clock,
        send: () => time.takes(5).then(() => true),
      }),
    );
    // 100 requests, 10 at a time, 5 ms each: 50 ms, so 2,000 per second.
    expect(result.elapsedMs).toBe(50);
    expect(result.acceptedPerSec).toBe(2000);
    expect(result.serviceMs.every((ms) => ms === 5)).toBe(true);
  });

  it('counts refused and failed requests instead of stopping, and keeps why', async () => {
    const time = virtualTime();
    const result = await time.run(
      closedLoop({
        concurrency: 2,
        total: 6,
        clock: time.clock,
        send: async (index) => {
          await time.takes(1);
          if (index === 4) throw new Error('socket hang up');
          return index % 2 === 0;
        },
      }),
    );
    expect(result).toMatchObject({ completed: 6, accepted: 2, failed: 4 });
    expect(result.failures).toContain('request 4: socket hang up');
    expect(result.failures).toContain('request 1 was not accepted');
  });
});

describe('the paced load generator', () => {
  it('measures the service time as the latency when the server keeps up', async () => {
    const time = virtualTime();
    const result = await time.run(
      paced({
        senders: 5,
        ratePerSec: 1000,
        total: 50,
        clock: time.clock,
        send: () => time.takes(2).then(() => true),
      }),
    );
    expect(result.responseMs.every((ms) => ms === 2)).toBe(true);
    expect(result.accepted).toBe(50);
    expect(result.maxStartLagMs).toBe(0);
    expect(result.offeredPerSec).toBe(1000);
  });

  it('counts latency from when a request was due, so one stall shows in the requests queued behind it', async () => {
    const time = virtualTime();
    // One sender, a request due every 10 ms; request 1 stalls for 35 ms.
    const result = await time.run(
      paced({
        senders: 1,
        ratePerSec: 100,
        total: 5,
        clock: time.clock,
        send: (index) => time.takes(index === 1 ? 35 : 2).then(() => true),
      }),
    );
    // Request 1 is due at 10 and answered at 45; 2 (due 20) starts at 45, answered 47: 27 ms late.
    expect(result.responseMs).toEqual([2, 35, 27, 19, 11]);
    expect(result.serviceMs).toEqual([2, 35, 2, 2, 2]);
    expect(result.maxStartLagMs).toBe(25);
  });

  it('keeps each sender to its own requests, one at a time', async () => {
    const time = virtualTime();
    const result = await time.run(
      paced({
        senders: 3,
        ratePerSec: 10_000,
        total: 30,
        clock: time.clock,
        send: () => time.takes(50).then(() => true),
      }),
    );
    expect(result.maxInFlight).toBe(3);
    expect(result.completed).toBe(30);
  });
});
