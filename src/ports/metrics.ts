import type { IncidentEvent } from '../core/model/events.ts';
import type { IncidentState } from '../core/model/incident-state.ts';

export type CommandOutcome = 'ok' | 'user_error' | 'system_error';

/**
 * Operational measurements the core, the jobs and the adapters report. Optional everywhere
 * (`services.metrics?.…`), so tests and tools run without it; `src/observability/metrics.ts`
 * implements it with Prometheus counters and histograms.
 */
export interface Metrics {
  commandHandled(name: string, outcome: CommandOutcome, seconds: number): void;
  /** Time from a platform delivering an interaction to the adapter acknowledging it. */
  observeAckLatency(platform: string, seconds: number): void;
  messageCaptured(platform: string): void;
  /** A page was delivered to a pager (`pagerduty`, `opsgenie`, `webhook`...). */
  pageSent(pager: string): void;
  pageFailed(pager: string): void;
  escalationFired(): void;
  /** Events that were just appended to an incident's log, with the state before them (MTTA, MTTR). */
  incidentEventsAppended(before: IncidentState, events: readonly IncidentEvent[]): void;
}
