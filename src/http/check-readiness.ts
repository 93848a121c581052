import type { ReadinessState } from '../app/readiness-state.ts';
import type { RunningAdapter } from '../ports/running-adapter.ts';

/** A single Redis or a Cluster: both say `ready` once they can take commands, and answer PING. */
export interface PingableRedis {
  readonly status: string;
  ping(): Promise<string>;
}

/** What /readyz looks at. `adapters` is a function: the composition root adds adapters as they start. */
export interface ReadinessSources {
  redis: PingableRedis;
  workers: { readonly running: boolean };
  readiness: ReadinessState;
  adapters: () => readonly RunningAdapter[];
}

export interface ReadinessReport {
  ready: boolean;
  /** One entry per check, true when it passed: `redis`, `workers`, `adapter:slack`, `startup`. */
  checks: Record<string, boolean>;
  /** Why not ready, in words; empty when ready. */
  reasons: string[];
}

/** A probe must answer quickly even while Redis hangs; past this Redis counts as unreachable. */
const PING_TIMEOUT_MS = 1_000;

export async function checkReadiness(sources: ReadinessSources): Promise<ReadinessReport> {
  const reasons: string[] = [];
  const checks: Record<string, boolean> = {};
  const redisProblem = await pingRedis(sources.redis);
  checks.redis = redisProblem === undefined;
  if (redisProblem) reasons.push(redisProblem);
  checks.workers = sources.workers.running;
  if (!checks.workers) reasons.push('job workers are not running');
  for (const adapter of sources.adapters()) {
    const ready = adapter.isReady();
    checks[`adapter:${adapter.name}`] = ready;
    if (!ready) reasons.push(`${adapter.name} is not connected`);
  }
  const startup = sources.readiness.reasons();
  checks.startup = startup.length === 0;
  reasons.push(...startup);
  return { ready: reasons.length === 0, checks, reasons };
}

async function pingRedis(redis: PingableRedis): Promise<string | undefined> {
  // While disconnected a PING would sit in the offline queue; the status answers at once.
  if (redis.status !== 'ready') return `redis is unreachable (connection ${redis.status})`;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), PING_TIMEOUT_MS);
  });
  try {
    const answer = await Promise.race([redis.ping(), timeout]);
    if (answer === 'PONG') return undefined;
    return answer === 'timeout'
      ? 'redis did not answer PING within 1 s'
      : `redis answered PING with ${answer}`;
  } catch (error) {
    return `redis PING failed: ${(error as Error).message}`;
  } finally {
    clearTimeout(timer);
  }
}
