import { setTimeout as sleep } from 'node:timers/promises';

export interface PacerOptions {
  /** One message per this many ms, per channel, once the burst is spent. Slack asks for ~1 s. */
  intervalMs?: number;
  /** Messages that may go at once before pacing starts (Slack tolerates short bursts). */
  burst?: number;
  now?: () => number;
  wait?: (ms: number) => Promise<unknown>;
}

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * Keeps tocsin's own posting to about one message per second per channel (a token bucket per
 * channel). It spaces calls out; 429s that happen anyway are the Web API client's retry policy's job.
 */
export class ChannelPacer {
  private readonly buckets = new Map<string, Bucket>();
  private readonly intervalMs: number;
  private readonly burst: number;
  private readonly now: () => number;
  private readonly wait: (ms: number) => Promise<unknown>;

  constructor(options: PacerOptions = {}) {
    this.intervalMs = options.intervalMs ?? 1000;
    this.burst = options.burst ?? 3;
    this.now = options.now ?? Date.now;
    this.wait = options.wait ?? sleep;
  }

  /** Resolves when the next message may be posted in `channel`; the slot is reserved on call. */
  async turn(channel: string): Promise<void> {
    const delay = this.reserve(channel);
    if (delay > 0) await this.wait(delay);
  }

  /** Takes a slot and returns how long to wait for it. */
  reserve(channel: string): number {
    const now = this.now();
    const bucket = this.buckets.get(channel) ?? { tokens: this.burst, at: now };
    bucket.tokens = Math.min(this.burst, bucket.tokens + (now - bucket.at) / this.intervalMs) - 1;
    bucket.at = now;
    this.buckets.set(channel, bucket);
    this.forgetIdle(now);
    return bucket.tokens >= 0 ? 0 : Math.ceil(-bucket.tokens * this.intervalMs);
  }

  /** Channels quiet long enough to have a full bucket need no entry; keeps the map small. */
  private forgetIdle(now: number): void {
    if (this.buckets.size < 1000) return;
    for (const [channel, bucket] of this.buckets) {
      if (bucket.tokens + (now - bucket.at) / this.intervalMs >= this.burst) this.buckets.delete(channel);
    }
  }
}
