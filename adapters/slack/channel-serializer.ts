/**
 * Runs the commands of one channel one after another, in the order Slack delivered them: a burst
 * of commands in an incident channel then neither races for the incident's revision nor lands
 * out of order. A command that takes long (a postmortem waiting out rate limits) holds the
 * channel for at most `maxWaitMs`; after that the next one goes ahead anyway.
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
    const tail = previous.then(() => mine);
    this.tails.set(key, tail);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      previous,
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, this.maxWaitMs);
      }),
    ]);
    clearTimeout(timer);
    try {
      return await task();
    } finally {
      release();
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }
}
