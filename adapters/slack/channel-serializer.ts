/**
 * Runs the commands of one channel one after another, in the order Slack delivered them: a burst
 * of commands in an incident channel then neither races for the incident's revision nor lands
 * out of order. A command that takes long (a postmortem waiting out rate limits) holds the
 * channel for at most `maxWaitMs` of its own running time; after that the next one goes ahead anyway.
 */
export class ChannelSerializer {
  private readonly tails = new Map<string, Promise<void>>();

  constructor(private readonly maxWaitMs = 2000) {}

  async run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((resolve) => {
      release = resolve;
    });
    this.tails.set(key, mine);
    await previous;
    // The limit counts from when this one starts, not from when it was queued: a long queue of
    // quick commands stays in order (letting them all go at once made them race for the revision).
    const timer = setTimeout(release, this.maxWaitMs);
    try {
      return await task();
    } finally {
      clearTimeout(timer);
      release();
      if (this.tails.get(key) === mine) this.tails.delete(key);
    }
  }
}
