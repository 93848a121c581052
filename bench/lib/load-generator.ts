import { type LoadClock, monotonicClock } from './load-clock.ts';

/** Sends request number `index`; resolves true when the server accepted it (2xx). */
export type Send = (index: number) => Promise<boolean>;

export interface LoadResult {
  /** Requests completed, accepted or not. */
  completed: number;
  accepted: number;
  failed: number;
  /** The first few failures, to say why in the report. */
  failures: string[];
  elapsedMs: number;
  /** Accepted requests per second over the whole run. */
  acceptedPerSec: number;
  /** From the moment each request was sent to its answer. */
  serviceMs: number[];
  /** The most requests that were ever in flight at once. */
  maxInFlight: number;
}

export interface PacedResult extends LoadResult {
  offeredPerSec: number;
  /**
   * From the moment each request was due by the schedule to its answer. A slow answer delays
   * the sender's next request, and this counts that wait too (no coordinated omission).
   */
  responseMs: number[];
  /** How late the generator itself ever started a request: large means the generator is the bottleneck. */
  maxStartLagMs: number;
}

const KEPT_FAILURES = 5;

class Tally {
  completed = 0;
  accepted = 0;
  failed = 0;
  failures: string[] = [];
  serviceMs: number[] = [];
  inFlight = 0;
  maxInFlight = 0;

  async send(send: Send, index: number, clock: LoadClock): Promise<number> {
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    const started = clock.now();
    try {
      if (await send(index)) this.accepted++;
      else this.fail(`request ${index} was not accepted`);
    } catch (error) {
      this.fail(`request ${index}: ${(error as Error).message}`);
    } finally {
      this.inFlight--;
      this.completed++;
    }
    const answered = clock.now();
    this.serviceMs.push(answered - started);
    return answered;
  }

  private fail(reason: string): void {
    this.failed++;
    if (this.failures.length < KEPT_FAILURES) this.failures.push(reason);
  }

  result(elapsedMs: number): LoadResult {
    return {
      completed: this.completed,
      accepted: this.accepted,
      failed: this.failed,
      failures: this.failures,
      elapsedMs,
      acceptedPerSec: elapsedMs > 0 ? (this.accepted * 1000) / elapsedMs : 0,
      serviceMs: this.serviceMs,
      maxInFlight: this.maxInFlight,
    };
  }
}

/**
 * Closed loop: `concurrency` senders, each sending its next request as soon as the previous one
 * is answered, until `total` were sent. Measures the most the server can take.
 */
export async function closedLoop(options: {
  concurrency: number;
  total: number;
  send: Send;
  clock?: LoadClock;
}): Promise<LoadResult> {
  const { concurrency, total, send } = options;
  const clock = options.clock ?? monotonicClock;
  positiveInteger('concurrency', concurrency);
  positiveInteger('total', total);
  const tally = new Tally();
  let next = 0;
  const started = clock.now();
  const sender = async () => {
    while (next < total) await tally.send(send, next++, clock);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, total) }, sender));
  return tally.result(clock.now() - started);
}

/**
 * Request k is due `k / rate` seconds after the start; sender s takes k = s, s + senders, …
 * Returns each sender's due offsets in milliseconds.
 */
export function pacedSchedule(total: number, ratePerSec: number, senders: number): number[][] {
  positiveInteger('total', total);
  positiveInteger('senders', senders);
  if (!(ratePerSec > 0)) throw new RangeError(`rate must be positive, got ${ratePerSec}`);
  const schedule: number[][] = Array.from({ length: senders }, () => []);
  for (let k = 0; k < total; k++) schedule[k % senders]?.push((k * 1000) / ratePerSec);
  return schedule;
}

/**
 * Paced (open-ish) load: `senders` senders that together offer `ratePerSec`, for `total`
 * requests. Latency counts from when a request was due, so a stall is not hidden by the
 * senders politely waiting for it.
 */
export async function paced(options: {
  senders: number;
  ratePerSec: number;
  total: number;
  send: Send;
  clock?: LoadClock;
}): Promise<PacedResult> {
  const { senders, ratePerSec, total, send } = options;
  const clock = options.clock ?? monotonicClock;
  const schedule = pacedSchedule(total, ratePerSec, senders);
  const tally = new Tally();
  const responseMs: number[] = [];
  let maxStartLagMs = 0;
  const started = clock.now();
  const sender = async (offsets: number[], first: number) => {
    let index = first;
    for (const offset of offsets) {
      const due = started + offset;
      await clock.sleepUntil(due);
      maxStartLagMs = Math.max(maxStartLagMs, clock.now() - due);
      const answered = await tally.send(send, index, clock);
      responseMs.push(answered - due);
      index += senders;
    }
  };
  await Promise.all(schedule.map((offsets, s) => sender(offsets, s)));
  return { ...tally.result(clock.now() - started), offeredPerSec: ratePerSec, responseMs, maxStartLagMs };
}

function positiveInteger(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 1)
    throw new RangeError(`${name} must be a positive integer, got ${value}`);
}
