import { type Job, Queue, QueueEvents, UnrecoverableError, Worker } from 'bullmq';
import { PermanentError } from '../core/errors.ts';
import type { JobQueue } from '../ports/job-queue.ts';
import { duplicateConnection, type RedisConnection } from '../storage/redis/redis-connection.ts';
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
      async (job) => {
        const handler = this.handlers.get(job.name);
        if (!handler) throw new Error(`no handler for job ${job.name}`);
        try {
          await handler(job.data, job);
        } catch (error) {
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

  async enqueue(
    name: string,
    data: unknown,
    options: { jobId?: string; delayMs?: number } = {},
  ): Promise<void> {
    await this.queue.add(name, data, {
      ...(options.jobId === undefined ? {} : { jobId: sanitizeJobId(options.jobId) }),
      ...(options.delayMs === undefined ? {} : { delay: options.delayMs }),
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
      const counts = await this.queue.getJobCounts('waiting', 'active', 'prioritized', 'waiting-children');
      if (Object.values(counts).every((count) => count === 0) && (await this.probesIdle())) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
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
