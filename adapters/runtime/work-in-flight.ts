import { InFlightTracker } from '../../src/core/public-api.ts';

/** Where a failure of background work is reported: the adapter's logger. */
export type Warn = (message: string, error?: unknown) => void;

/** setTimeout's largest delay: "wait until idle" without a deadline. */
const NO_DEADLINE_MS = 2_147_483_647;

/**
 * The work an adapter does after it has acknowledged a delivery (a listener that acked, a
 * gateway event nobody awaits). Tracked so that stopping, and tests, can wait for it; guarded so
 * that a failure is logged instead of lost in a promise or crashing the process.
 */
export class WorkInFlight {
  private readonly tracker = new InFlightTracker();

  constructor(private readonly warn: Warn) {}

  /** Never rejects: a failure is logged with `label`. Refused (and logged) once closed. */
  async run(label: string, work: () => Promise<unknown>): Promise<void> {
    let end: () => void;
    try {
      end = this.tracker.begin();
    } catch {
      this.warn(`${label} arrived while stopping; not handled`);
      return;
    }
    try {
      await work();
    } catch (error) {
      this.warn(`${label} failed`, error);
    } finally {
      end();
    }
  }

  /** Takes no new work from now on; work already started carries on. */
  close(): void {
    this.tracker.close();
  }

  /** Resolves true once nothing is running, false if `timeoutMs` passes first. */
  drained(timeoutMs: number): Promise<boolean> {
    return this.tracker.drained(timeoutMs);
  }

  /** Resolves once nothing is running (at once if nothing is). */
  async idle(): Promise<void> {
    while (!(await this.tracker.drained(NO_DEADLINE_MS))) {
      // Only a process running for 24 days of one handler gets here; keep waiting.
    }
  }
}
