import type { IncidentEvent } from '../core/model/events.ts';
import type { IncidentState } from '../core/model/incident-state.ts';
import type { Severity } from '../core/model/severity.ts';

export interface ResponseTime {
  /** `acknowledge`: declaration to first acknowledgement (MTTA). `resolve`: declaration to resolution (MTTR). */
  kind: 'acknowledge' | 'resolve';
  severity: Severity;
  seconds: number;
}

/**
 * The response times that a batch of freshly appended events completes. Only the first
 * acknowledgement counts, and each resolution counts once (a reopened incident that is resolved
 * again is measured again, from its declaration).
 */
export function responseTimes(before: IncidentState, events: readonly IncidentEvent[]): ResponseTime[] {
  const declared = Date.parse(before.declaredAt);
  const since = (at: string) => Math.max(0, (Date.parse(at) - declared) / 1000);
  let severity = before.severity;
  let acknowledged = before.firstAcknowledgedAt !== undefined;
  let resolved = before.status === 'resolved';
  const found: ResponseTime[] = [];
  for (const event of events) {
    switch (event.type) {
      case 'severity_changed':
        severity = event.to;
        break;
      case 'acknowledged':
        if (!acknowledged) found.push({ kind: 'acknowledge', severity, seconds: since(event.at) });
        acknowledged = true;
        break;
      case 'resolved':
        if (!resolved) found.push({ kind: 'resolve', severity, seconds: since(event.at) });
        resolved = true;
        break;
      case 'reopened':
        resolved = false;
        break;
      default:
        break;
    }
  }
  return found;
}
