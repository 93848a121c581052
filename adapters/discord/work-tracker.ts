import type { Logger } from '../../src/logging/create-logger.ts';

/**
 * Handlers the gateway started and nobody awaits (interactions, captures, the startup backfill).
 * Failures are logged instead of crashing the process, and `idle()` lets a shutdown (or a test)
 * wait until they are done.
 */
export class WorkTracker {
  private running = 0;
  private waiters: (() => void)[] = [];

  constructor(private readonly logger: Logger) {}

  run(label: string, work: () => Promise<unknown>): void {
    this.running += 1;
    void work()
      .catch((error: unknown) => this.logger.error({ err: error, work: label }, 'discord handler failed'))
      .finally(() => {
        this.running -= 1;
        if (this.running === 0) for (const waiter of this.waiters.splice(0)) waiter();
      });
  }

  get pending(): number {
    return this.running;
  }

  /** Resolves once nothing is running (at once if nothing is). */
  idle(): Promise<void> {
    if (this.running === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }
}
