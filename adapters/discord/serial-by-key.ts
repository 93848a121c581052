/**
 * Runs tasks one after another per key, and tasks of different keys side by side. Commands on
 * one incident are recorded with an optimistic revision check: fifty clicks at once would
 * mostly retry against each other, while in a queue each one writes on its first attempt.
 * Only this process's order lives here; nothing another process needs.
 */
export class SerialByKey {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(task, task);
    const tail = result.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }
}
