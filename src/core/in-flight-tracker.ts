import { SystemError } from './errors.ts';

/**
 * Counts the units of work (inbound events) the core is processing, so a graceful shutdown can
 * stop taking new ones and wait for the rest instead of cutting a command off half way.
 */
export class InFlightTracker {
  private active = 0;
  private closed = false;
  private waiters: Array<() => void> = [];

  get count(): number {
    return this.active;
  }

  get accepting(): boolean {
    return !this.closed;
  }

  /** Starts a unit of work; call the returned function when it ends. Refused once closed. */
  begin(): () => void {
    if (this.closed) {
      throw new SystemError('shutting_down', 'tocsin is shutting down and takes no new work');
    }
    this.active += 1;
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      this.active -= 1;
      if (this.active === 0) this.wake();
    };
  }

  /** Refuses new work from now on; work already started carries on. */
  close(): void {
    this.closed = true;
  }

  /** Resolves true once nothing is in flight, or false if `timeoutMs` passes first. */
  drained(timeoutMs: number): Promise<boolean> {
    if (this.active === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((waiter) => waiter !== done);
        resolve(false);
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        resolve(true);
      };
      this.waiters.push(done);
    });
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const waiter of waiters) waiter();
  }
}
