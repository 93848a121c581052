import type { JobHandler } from '../../src/jobs/bullmq-job-queue.ts';

/**
 * The delayed job whose firing time the timer benchmark measures. Fire time is read from the
 * worker's `active` event, not from inside a handler, so any registered job can be measured.
 */
export interface TimedJob {
  name: string;
  data(index: number): unknown;
  /** Registered by the benchmark's worker; leave out for a job the app registers itself. */
  handler?: JobHandler;
}

/** A job that does nothing: measures BullMQ's delayed-job timing as the app configures it. */
export const BENCH_TIMER_JOB: TimedJob = {
  name: 'bench-timer',
  data: (index) => ({ index }),
  handler: async () => {},
};

/**
 * The job measured. When paging's escalation step lands, point this at it (its name, and data
 * naming a seeded incident) and the benchmark measures real escalations instead.
 */
export const TIMED_JOB: TimedJob = BENCH_TIMER_JOB;
