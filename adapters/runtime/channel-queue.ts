/**
 * Runs the tasks of one key (a workspace's channel) one after another, in the order they
 * arrived, and tasks of different keys side by side. Commands on one incident are recorded with
 * an optimistic revision check: fifty clicks at once would mostly retry against each other,
 * while in a queue each one writes on its first attempt, and a burst lands in delivery order.
 *
 * `maxWaitMs` bounds how long a task waits for the one before it: a command that takes long (a
 * postmortem waiting out rate limits) then holds the channel for at most that long, and the next
 * one goes ahead anyway (the revision check keeps that safe). Only this process's order lives
 * here; nothing another process needs.
 */
export class ChannelQueue {
  private readonly tails = new Map<string, Promise<void>>();

  constructor(private readonly maxWaitMs = Number.POSITIVE_INFINITY) {}

  async run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((resolve) => {
      release = resolve;
    });
    this.tails.set(key, mine);
    await previous;
    // The limit counts from when this task starts, not from when it was queued: a long queue of
    // quick commands stays in order (letting them all go at once made them race for the revision).
    const timer = Number.isFinite(this.maxWaitMs) ? setTimeout(release, this.maxWaitMs) : undefined;
    try {
      return await task();
    } finally {
      clearTimeout(timer);
      release();
      if (this.tails.get(key) === mine) this.tails.delete(key);
    }
  }
}
