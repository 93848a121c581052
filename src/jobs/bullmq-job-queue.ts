import { DelayedError, type Job, Queue, QueueEvents, UnrecoverableError, Worker } from 'bullmq';
import { PermanentError } from '../core/errors.ts';
import type { EnqueueOptions, JobQueue } from '../ports/job-queue.ts';
import { duplicateConnection, type RedisConnection } from '../storage/redis/redis-connection.ts';
import { DeferJob } from './defer-job.ts';
import { RETRY_BACKOFF, retryDelay } from './retry-delay.ts';

export type JobHandler = (data: unknown, job: Job) => Promise<void>;

export interface BullJobQueueOptions {
  connection: RedisConnection;
  /**
   * Distinct per test so parallel suites never share a queue. Braced (`{tocsin:bull}`) as BullMQ
   * requires on a Cluster, where every key of a queue must be in one hash slot.
   */
  prefix: string;
  queueName?: string;
  concurrency?: number;
}

/** The JobQueue port on BullMQ: durable, retried, and safe to run in several processes. */
export class BullJobQueue implements JobQueue {
  readonly queue: Queue;
  private worker: Worker | undefined;
  private workerConnection: RedisConnection | undefined;
  private readonly handlers = new Map<string, JobHandler>();
  private readonly idleProbes: (() => Promise<boolean>)[] = [];

  constructor(private readonly options: BullJobQueueOptions) {
    this.queue = new Queue(options.queueName ?? 'tocsin', {
      connection: options.connection,
      prefix: options.prefix,
      defaultJobOptions: {
        attempts: 8,
        backoff: RETRY_BACKOFF,
        removeOnComplete: { count: 1000 },
        removeOnFail: { count: 5000 },
      },
    });
  }

  handle(name: string, handler: JobHandler): void {
    this.handlers.set(name, handler);
  }

  /** Starts consuming. A process that only enqueues (a CLI, a test) never calls this. */
  start(): Worker {
    if (this.worker) return this.worker;
    const connection = duplicateConnection(this.options.connection, { maxRetriesPerRequest: null });
    this.workerConnection = connection;
    this.worker = new Worker(
      this.queue.name,
      async (job, token) => {
        const handler = this.handlers.get(job.name);
        if (!handler) throw new Error(`no handler for job ${job.name}`);
        try {
          await handler(job.data, job);
        } catch (error) {
          if (error instanceof DeferJob) {
            // The same job, later: BullMQ's way to delay a running job without spending an attempt.
            await job.moveToDelayed(Date.now() + error.delayMs, token);
            throw new DelayedError();
          }
          // Retrying a permanent failure cannot help: fail the job for good, as BullMQ spells it.
          if (error instanceof PermanentError) throw new UnrecoverableError(error.message);
          throw error;
        }
      },
      {
        connection,
        prefix: this.options.prefix,
        concurrency: this.options.concurrency ?? 8,
        settings: {
          backoffStrategy: (attemptsMade, _type, error, job) => retryDelay(attemptsMade, error, job?.data),
        },
      },
    );
    this.worker.on('error', () => {
      // Connection errors surface here; ioredis reconnects on its own and BullMQ resumes.
    });
    return this.worker;
  }

  get running(): boolean {
    return this.worker?.isRunning() ?? false;
  }

  async enqueue(name: string, data: unknown, options: EnqueueOptions = {}): Promise<void> {
    await this.queue.add(name, data, {
      ...(options.jobId === undefined ? {} : { jobId: sanitizeJobId(options.jobId) }),
      ...(options.delayMs === undefined ? {} : { delay: options.delayMs }),
      // One job per id while it waits; an add while it runs leaves exactly one more to run after it,
      // so the last change is always followed by a run that sees it.
      ...(options.coalesceId === undefined
        ? {}
        : { deduplication: { id: sanitizeJobId(options.coalesceId), keepLastIfActive: true } }),
    });
  }

  async cancel(jobId: string): Promise<boolean> {
    const job = await this.queue.getJob(sanitizeJobId(jobId));
    if (!job) return false;
    try {
      await job.remove();
      return true;
    } catch {
      // A job that is running right now cannot be removed; it will see fresh state when it runs.
      return false;
    }
  }

  /** Other work that turns into jobs (the reactions to the log): settle waits for it as well. */
  addIdleProbe(probe: () => Promise<boolean>): void {
    this.idleProbes.push(probe);
  }

  async settle(timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      // Probes first: a reactor enqueues its jobs before it acknowledges their feed entry, so once
      // the feed is drained the counts that follow see those jobs. Probes again last, for a job that
      // finished in between and appended events. (Counts first let a declaration's provisioning job
      // slip between the two reads.)
      if (!(await this.probesIdle())) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        continue;
      }
      const counts = await this.queue.getJobCounts('waiting', 'active', 'prioritized', 'waiting-children');
      const idle = Object.values(counts).every((count) => count === 0);
      if (idle && !(await this.coalescedDelayed()) && (await this.probesIdle())) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /**
   * A coalesced job (a summary refresh) waits at most its cooldown, so settling waits for it too;
   * other delayed jobs are timers minutes away and are not waited for.
   */
  private async coalescedDelayed(): Promise<boolean> {
    if ((await this.queue.getJobCounts('delayed')).delayed === 0) return false;
    // One retrying after a failure (attemptsMade > 0) may back off for minutes: not waited for.
    return (await this.queue.getDelayed()).some(
      (job) => job.opts.deduplication !== undefined && job.attemptsMade === 0,
    );
  }

  private async probesIdle(): Promise<boolean> {
    for (const probe of this.idleProbes) if (!(await probe())) return false;
    return true;
  }

  /** For tests and tools that wait on one job. */
  events(): QueueEvents {
    return new QueueEvents(this.queue.name, {
      connection: duplicateConnection(this.options.connection),
      prefix: this.options.prefix,
    });
  }

  async close(): Promise<void> {
    await this.worker?.close();
    await this.queue.close();
    // BullMQ treats a connection it is handed as shared and never closes it; this one is ours.
    this.workerConnection?.disconnect();
  }
}

/** BullMQ reserves ':' in custom ids for its own key layout. */
function sanitizeJobId(jobId: string): string {
  return jobId.replace(/:/g, '|');
}

/**
 * The queue's key prefix under the app's prefix, in braces: on a Redis Cluster BullMQ's scripts
 * touch several keys of a queue at once, so they must share one hash slot (BullMQ's "Redis
 * Cluster" guide). On a single Redis the braces are just characters of the name.
 */
export function bullPrefix(prefix: string): string {
  return `{${prefix}:bull}`;
}
