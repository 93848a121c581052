import { setTimeout as sleep } from 'node:timers/promises';

/** Where the load generator reads time and waits: injected, so pacing is testable without waiting. */
export interface LoadClock {
  /** Milliseconds on a monotonic clock. */
  now(): number;
  /** Resolves at `instantMs` or a little after, never before. */
  sleepUntil(instantMs: number): Promise<void>;
}

export const monotonicClock: LoadClock = {
  now: () => performance.now(),
  sleepUntil: async (instantMs) => {
    // Timers have whole-millisecond granularity and may wake a fraction early; a request sent
    // early would look faster than it was, so sleep short and finish on the event loop.
    for (let wait = instantMs - performance.now(); wait > 0; wait = instantMs - performance.now()) {
      if (wait >= 2) await sleep(wait - 1);
      else await new Promise((resolve) => setImmediate(resolve));
    }
  },
};
