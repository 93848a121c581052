import type { Job, Worker } from 'bullmq';
import type { Logger } from '../logging/create-logger.ts';

/**
 * Follows the jobs a BullMQ worker is running, so that a shutdown can let them finish for a
 * while and then hand the unfinished ones back to the queue at once, instead of leaving them
 * locked until BullMQ's stalled-job check notices (30 s or more) while the escalation they carry waits.
 */
export class WorkerHandoff {
  private readonly active = new Map<string, Job>();
  private idle: Array<() => void> = [];

  constructor(
    private readonly worker: Worker,
    private readonly logger?: Logger,
  ) {
    worker.on('active', (job) => {
      if (job.id !== undefined) this.active.set(job.id, job);
    });
    worker.on('completed', (job) => this.settled(job));
    worker.on('failed', (job) => {
      if (job) this.settled(job);
    });
  }

  /** Job ids this worker is running now. */
  activeJobIds(): string[] {
    return [...this.active.keys()];
  }

  /**
   * Stops taking jobs, waits up to `graceMs` for the running ones, returns whatever is still
   * running to the wait list (it runs again here after a restart or on another replica), and
   * closes the worker. Resolves with the ids that were handed back.
   */
  async stop(graceMs: number): Promise<string[]> {
    await this.worker.pause(true);
    if (this.active.size > 0) await this.whenIdle(graceMs);
    // Closed before anything is handed back, or its fetch loop would take the jobs straight back.
    // Forced, because what still runs is handed back below rather than waited for (and a graceful
    // close can hang on a blocking connection that lived through a Redis outage).
    await this.worker.close(true);
    const handedBack: string[] = [];
    for (const job of this.active.values()) {
      try {
        await job.moveToWait(job.token);
        if (job.id !== undefined) handedBack.push(job.id);
      } catch (error) {
        // It finished (or lost its lock) in the meantime: nothing to hand back.
        this.logger?.debug({ err: error, jobId: job.id }, 'job could not be handed back');
      }
    }
    if (handedBack.length > 0)
      this.logger?.info({ jobIds: handedBack }, 'unfinished jobs returned to the queue');
    return handedBack;
  }

  private settled(job: Job): void {
    if (job.id !== undefined) this.active.delete(job.id);
    if (this.active.size === 0) {
      const waiting = this.idle;
      this.idle = [];
      for (const wake of waiting) wake();
    }
  }

  private whenIdle(timeoutMs: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      this.idle.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}
