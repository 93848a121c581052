import type { Queue, Worker } from 'bullmq';
import type { Logger } from '../logging/create-logger.ts';
import { loggerForJobData } from '../logging/incident-logger.ts';

/** Every failed attempt is logged with the incident key of the job, when the job is about one. */
export function logJobFailures(worker: Worker, logger: Logger): void {
  worker.on('failed', (job, error) => {
    const log = job ? loggerForJobData(logger, job.data) : logger;
    log.warn(
      {
        err: error,
        job: job?.name,
        jobId: job?.id,
        attempt: job?.attemptsMade,
        attempts: job?.opts.attempts,
      },
      'job failed',
    );
  });
  worker.on('stalled', (jobId) => logger.warn({ jobId }, 'job stalled; it goes back to the queue'));
  let lastError = '';
  worker.on('error', (error) => {
    // A Redis outage repeats the same connection error on every retry; once is enough.
    if (error.message === lastError) return;
    lastError = error.message;
    logger.warn({ err: error }, 'job worker error');
  });
}

/**
 * A BullMQ Queue re-emits its connection's errors; without a listener it prints them raw to
 * stderr during every Redis outage. They go to the log instead (once per distinct error).
 */
export function watchQueueErrors(queue: Queue, logger: Logger | undefined): void {
  let lastError = '';
  queue.on('error', (error) => {
    if (error.message === lastError) return;
    lastError = error.message;
    logger?.warn({ err: error }, 'job queue error');
  });
}
