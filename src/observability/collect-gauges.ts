import { Counter, Gauge, type Registry } from 'prom-client';
import { SEVERITIES } from '../core/model/severity.ts';

/** The part of a BullMQ Queue the queue gauges read. */
export interface JobCountsSource {
  getJobCounts(...types: string[]): Promise<Record<string, number>>;
}

/** Open incidents counted by severity, kept up to date as incidents change (one read per scrape). */
export interface OpenIncidentCounts {
  countBySeverity(): Promise<Map<string, number>>;
}

/** What the scrape-time gauges read: the open-incident counts and the BullMQ queue. */
export interface MetricSources {
  openIncidents: OpenIncidentCounts;
  queue: JobCountsSource;
}

/** A scrape must answer even while Redis is down: past this, the gauge keeps its last value. */
const COLLECT_TIMEOUT_MS = 2_000;

export const QUEUE_DEPTH_STATES = [
  'waiting',
  'active',
  'delayed',
  'prioritized',
  'waiting-children',
] as const;

/**
 * Gauges read from Redis when Prometheus scrapes: open incidents by severity (one read of an
 * index kept as incidents change, never a fold of every incident), queue depth and failed jobs, plus a counter of the reads that failed. prom-client collects all metrics of a
 * scrape at once, so the two queue gauges share one getJobCounts call, and the error counter
 * waits for the reads of the same scrape before it reports.
 */
export function registerScrapeGauges(registry: Registry, sources: () => MetricSources | undefined): void {
  const registers = [registry];
  const pending = new Set<Promise<unknown>>();
  const track = <T>(promise: Promise<T>): Promise<T> => {
    pending.add(promise);
    void promise.finally(() => pending.delete(promise)).catch(() => {});
    return promise;
  };
  let queueRead: Promise<Record<string, number>> | undefined;
  const queueCounts = (): Promise<Record<string, number>> => {
    const queue = sources()?.queue;
    if (!queue) return Promise.reject(new Error('no queue attached'));
    queueRead ??= track(withTimeout(queue.getJobCounts(...QUEUE_DEPTH_STATES, 'failed'))).finally(() => {
      queueRead = undefined;
    });
    return queueRead;
  };
  const failures = new Map<string, number>();
  const failed = (source: string) => failures.set(source, (failures.get(source) ?? 0) + 1);

  new Gauge({
    name: 'tocsin_open_incidents',
    help: 'Incidents not yet resolved, by severity.',
    labelNames: ['severity'],
    registers,
    async collect() {
      const open = sources()?.openIncidents;
      if (!open) return;
      try {
        const counts = await track(withTimeout(open.countBySeverity()));
        for (const severity of SEVERITIES) this.set({ severity }, counts.get(severity) ?? 0);
      } catch {
        failed('open_incidents');
      }
    },
  });
  new Gauge({
    name: 'tocsin_queue_depth',
    help: 'BullMQ jobs by state (waiting, active, delayed, prioritized, waiting-children).',
    labelNames: ['state'],
    registers,
    async collect() {
      if (!sources()) return;
      try {
        const counts = await queueCounts();
        for (const state of QUEUE_DEPTH_STATES) this.set({ state }, counts[state] ?? 0);
      } catch {
        failed('queue');
      }
    },
  });
  new Gauge({
    name: 'tocsin_queue_failed_jobs',
    help: 'BullMQ jobs that failed for good (kept for inspection).',
    registers,
    async collect() {
      if (!sources()) return;
      // The depth gauge counts a failed read once; this one shares it.
      const counts = await queueCounts().catch(() => undefined);
      if (counts) this.set(counts.failed ?? 0);
    },
  });
  new Counter({
    name: 'tocsin_metrics_collect_errors_total',
    help: 'Scrape-time reads that failed (Redis unreachable or slow); the gauge kept its last value.',
    labelNames: ['source'],
    registers,
    async collect() {
      await Promise.allSettled([...pending]);
      for (const [source, count] of failures) this.inc({ source }, count);
      failures.clear();
    },
  });
}

function withTimeout<T>(promise: Promise<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('metrics collection timed out')), COLLECT_TIMEOUT_MS);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
