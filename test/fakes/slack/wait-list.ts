interface Waiter<T> {
  predicate: (item: T) => boolean;
  resolve: (item: T) => void;
}

/**
 * Lets tests wait for an item (a recorded call, a response_url post, an ack…) that has already
 * arrived or will arrive, with a timeout that names what was awaited.
 */
export class WaitList<T> {
  private readonly waiters = new Set<Waiter<T>>();

  /** Call after each new item has been stored. */
  notify(item: T): void {
    for (const waiter of [...this.waiters]) {
      if (waiter.predicate(item)) {
        this.waiters.delete(waiter);
        waiter.resolve(item);
      }
    }
  }

  /** Resolves with the first of `existing` matching `predicate`, else with the next notified match. */
  wait(existing: readonly T[], predicate: (item: T) => boolean, timeoutMs: number, what: string): Promise<T> {
    const found = existing.find(predicate);
    if (found !== undefined) return Promise.resolve(found);
    return new Promise<T>((resolve, reject) => {
      const waiter: Waiter<T> = {
        predicate,
        resolve: (item) => {
          clearTimeout(timer);
          resolve(item);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }
}
