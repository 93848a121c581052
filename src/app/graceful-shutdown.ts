import type { Redis } from 'ioredis';
import type { Logger } from '../logging/create-logger.ts';
import type { RunningAdapter } from '../ports/running-adapter.ts';
import type { App } from './create-app.ts';

/** Orchestrators (docker, Kubernetes) send SIGKILL some seconds after SIGTERM; we leave before that. */
export const SHUTDOWN_DEADLINE_MS = 10_000;
/** Kept back from the deadline for closing Redis and the last hooks after the jobs are handed back. */
const CLOSE_RESERVE_MS = 1_500;

export interface ShutdownOptions {
  app: Pick<App, 'core' | 'readiness' | 'close'>;
  redis: Pick<Redis, 'quit' | 'disconnect'>;
  /** The adapters started so far (read when the shutdown begins). */
  adapters: () => readonly RunningAdapter[];
  logger?: Logger;
  deadlineMs?: number;
  /** Run after Redis is closed, in order: the HTTP server, an embedded redis-server. */
  afterRedis?: Array<() => Promise<void>>;
  /** Synchronous last words when the deadline cuts the shutdown short (signal child processes). */
  onDeadline?: () => void;
  /** process.exit, unless a test says otherwise. */
  exit?: (code: number) => void;
}

export interface Shutdown {
  /** Starts the shutdown (once; later calls return the same promise) and exits the process when done. */
  run(reason: string, code?: number): Promise<void>;
  readonly stopping: boolean;
}

/**
 * Graceful shutdown: stop taking new work (readiness goes to 503, adapters stop, the core refuses
 * new events), let commands in flight finish, hand unfinished jobs back to the queue, close Redis,
 * exit. A timer makes sure the process is gone by the deadline even if a step hangs.
 */
export function createShutdown(options: ShutdownOptions): Shutdown {
  const deadlineMs = options.deadlineMs ?? SHUTDOWN_DEADLINE_MS;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const log = options.logger;
  let running: Promise<void> | undefined;

  const steps = async (reason: string, code: number) => {
    const startedAt = Date.now();
    const left = () => deadlineMs - (Date.now() - startedAt);
    const deadline = setTimeout(() => {
      log?.error(
        { deadlineMs, inFlight: options.app.core.inFlight.count },
        'shutdown deadline passed; exiting now',
      );
      options.onDeadline?.();
      exit(1);
    }, deadlineMs);
    log?.info({ reason }, 'shutting down');
    options.app.readiness.markStopping();
    options.app.core.inFlight.close();
    const adapters = options.adapters();
    const stopped = await settleWithin(
      Promise.allSettled(adapters.map((adapter) => adapter.stop())),
      left() - 2 * CLOSE_RESERVE_MS,
    );
    if (!stopped) log?.warn('adapters did not stop in time; carrying on');
    const drained = await options.app.core.inFlight.drained(Math.max(0, left() - 2 * CLOSE_RESERVE_MS));
    if (!drained)
      log?.warn({ inFlight: options.app.core.inFlight.count }, 'commands still in flight; carrying on');
    await options.app.close({ graceMs: Math.max(0, left() - CLOSE_RESERVE_MS) });
    await closeRedis(options.redis, Math.max(100, left() - CLOSE_RESERVE_MS / 2));
    for (const hook of options.afterRedis ?? []) await hook();
    clearTimeout(deadline);
    log?.info({ tookMs: Date.now() - startedAt }, 'shutdown complete');
    exit(code);
  };

  return {
    run(reason, code = 0) {
      running ??= steps(reason, code).catch((error: unknown) => {
        log?.error({ err: error }, 'shutdown failed');
        exit(1);
      });
      return running;
    },
    get stopping() {
      return running !== undefined;
    },
  };
}

/** SIGTERM and SIGINT start the shutdown; a second signal while it runs exits at once. */
export function exitOnSignals(shutdown: Shutdown, logger?: Logger): void {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      if (shutdown.stopping) {
        logger?.warn({ signal }, 'second signal during shutdown; exiting now');
        process.exit(1);
      }
      void shutdown.run(signal, 0);
    });
  }
}

/** QUIT lets Redis answer what it was sent; if it cannot within the time left, drop the socket. */
async function closeRedis(redis: Pick<Redis, 'quit' | 'disconnect'>, withinMs: number): Promise<void> {
  const quit = redis.quit().then(
    () => true,
    () => false,
  );
  if (!(await settleWithin(quit, withinMs))) redis.disconnect();
}

async function settleWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), Math.max(0, ms));
  });
  const done = promise.then(() => true as const);
  try {
    return await Promise.race([done, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
