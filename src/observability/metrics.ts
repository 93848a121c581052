import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import type { CommandObserver } from '../core/incident-core.ts';
import type { IncidentEvent } from '../core/model/events.ts';
import type { IncidentState } from '../core/model/incident-state.ts';
import type { CommandOutcome, Metrics } from '../ports/metrics.ts';
import { type MetricSources, registerScrapeGauges } from './collect-gauges.ts';
import { responseTimes } from './response-times.ts';

export type { CommandOutcome, Metrics } from '../ports/metrics.ts';

export type { MetricSources } from './collect-gauges.ts';

const MINUTE = 60;
const HOUR = 3600;

/** The Prometheus side of `Metrics`: one dedicated Registry per app, never prom-client's global one. */
export class PrometheusMetrics implements Metrics {
  readonly registry = new Registry();
  private sources: MetricSources | undefined;
  private readonly commands: Counter<'command' | 'outcome'>;
  private readonly commandSeconds: Histogram<'command'>;
  private readonly ackLatency: Histogram<'platform'>;
  private readonly captured: Counter<'platform'>;
  private readonly pagesSent: Counter<'pager'>;
  private readonly pagesFailed: Counter<'pager'>;
  private readonly escalations: Counter;
  private readonly mtta: Histogram<'severity'>;
  private readonly mttr: Histogram<'severity'>;

  constructor(options: { defaultMetrics?: boolean } = {}) {
    const registers = [this.registry];
    this.commands = new Counter({
      name: 'tocsin_commands_total',
      help: 'Incident commands handled, by command name and outcome (ok, user_error, system_error).',
      labelNames: ['command', 'outcome'],
      registers,
    });
    this.commandSeconds = new Histogram({
      name: 'tocsin_command_duration_seconds',
      help: 'Time to handle an incident command, from parsed to recorded.',
      labelNames: ['command'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    this.ackLatency = new Histogram({
      name: 'tocsin_ack_latency_seconds',
      help: 'Time from a platform delivering an interaction to the bot acknowledging it.',
      labelNames: ['platform'],
      // Slack drops an interaction that is not acknowledged within 3 s.
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 10],
      registers,
    });
    this.captured = new Counter({
      name: 'tocsin_messages_captured_total',
      help: 'Channel messages, edits and deletions recorded into incident logs.',
      labelNames: ['platform'],
      registers,
    });
    this.pagesSent = new Counter({
      name: 'tocsin_pages_sent_total',
      help: 'Pages delivered, by pager.',
      labelNames: ['pager'],
      registers,
    });
    this.pagesFailed = new Counter({
      name: 'tocsin_pages_failed_total',
      help: 'Page deliveries that failed, by pager.',
      labelNames: ['pager'],
      registers,
    });
    this.escalations = new Counter({
      name: 'tocsin_escalations_fired_total',
      help: 'Escalation steps fired because nobody acknowledged in time.',
      registers,
    });
    this.mtta = new Histogram({
      name: 'tocsin_mtta_seconds',
      help: 'Time from declaration to first acknowledgement, by severity.',
      labelNames: ['severity'],
      buckets: [
        MINUTE,
        2 * MINUTE,
        5 * MINUTE,
        10 * MINUTE,
        15 * MINUTE,
        30 * MINUTE,
        HOUR,
        2 * HOUR,
        4 * HOUR,
      ],
      registers,
    });
    this.mttr = new Histogram({
      name: 'tocsin_mttr_seconds',
      help: 'Time from declaration to resolution, by severity.',
      labelNames: ['severity'],
      buckets: [
        5 * MINUTE,
        15 * MINUTE,
        30 * MINUTE,
        HOUR,
        2 * HOUR,
        4 * HOUR,
        8 * HOUR,
        24 * HOUR,
        72 * HOUR,
      ],
      registers,
    });
    registerScrapeGauges(this.registry, () => this.sources);
    if (options.defaultMetrics !== false)
      collectDefaultMetrics({ register: this.registry, prefix: 'tocsin_' });
  }

  /** Points the scrape-time gauges at the running app's store and queue. */
  attach(sources: MetricSources): void {
    this.sources = sources;
  }

  /** The hook IncidentCore reports to. */
  commandObserver(): CommandObserver {
    return {
      onCommand: (name, outcome, durationMs) => this.commandHandled(name, outcome, durationMs / 1000),
      onCapture: (platform) => this.messageCaptured(platform),
    };
  }

  commandHandled(name: string, outcome: CommandOutcome, seconds: number): void {
    this.commands.inc({ command: name, outcome });
    this.commandSeconds.observe({ command: name }, seconds);
  }

  observeAckLatency(platform: string, seconds: number): void {
    this.ackLatency.observe({ platform }, seconds);
  }

  messageCaptured(platform: string): void {
    this.captured.inc({ platform });
  }

  pageSent(pager: string): void {
    this.pagesSent.inc({ pager });
  }

  pageFailed(pager: string): void {
    this.pagesFailed.inc({ pager });
  }

  escalationFired(): void {
    this.escalations.inc();
  }

  incidentEventsAppended(before: IncidentState, events: readonly IncidentEvent[]): void {
    for (const time of responseTimes(before, events)) {
      const histogram = time.kind === 'acknowledge' ? this.mtta : this.mttr;
      histogram.observe({ severity: time.severity }, time.seconds);
    }
  }

  /** The Prometheus text exposition, and the content type to serve it with. */
  async exposition(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}

export function createMetrics(options: { defaultMetrics?: boolean } = {}): PrometheusMetrics {
  return new PrometheusMetrics(options);
}
