export interface EnqueueOptions {
  /** An id the queue keeps one job per; an add with the id of an existing job is ignored. */
  jobId?: string;
  delayMs?: number;
  /**
   * Folds adds into one job per id: while it waits, adds are dropped; while it runs, they leave one
   * more run after it. For work that reads the latest state when it runs (a summary refresh).
   */
  coalesceId?: string;
}

/** Durable background work: everything slow or timed runs here, never in memory only. */
export interface JobQueue {
  enqueue(name: string, data: unknown, options?: EnqueueOptions): Promise<void>;
  cancel(jobId: string): Promise<boolean>;
  /** Resolves when no job is waiting or running (delayed jobs are not waited for). */
  settle(timeoutMs?: number): Promise<void>;
}
