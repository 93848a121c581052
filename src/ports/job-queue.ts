/** Durable background work: everything slow or timed runs here, never in memory only. */
export interface JobQueue {
  enqueue(name: string, data: unknown, options?: { jobId?: string; delayMs?: number }): Promise<void>;
  cancel(jobId: string): Promise<boolean>;
  /** Resolves when no job is waiting or running (delayed jobs are not waited for). */
  settle(timeoutMs?: number): Promise<void>;
}
