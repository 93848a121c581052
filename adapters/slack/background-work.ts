import { InFlightTracker } from '../../src/core/public-api.ts';

/**
 * The work a listener does after it has acked: tracked so that stopping waits for it (and tests
 * can wait for it too), and guarded so that a failure is logged instead of lost in a promise.
 */
export class BackgroundWork {
  private readonly tracker = new InFlightTracker();

  constructor(private readonly warn: (message: string, error?: unknown) => void) {}

  async run(label: string, work: () => Promise<void>): Promise<void> {
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

  /** Takes no new work from now on. */
  close(): void {
    this.tracker.close();
  }

  /** Resolves true once nothing is running, false if `timeoutMs` passes first. */
  drained(timeoutMs: number): Promise<boolean> {
    return this.tracker.drained(timeoutMs);
  }
}
