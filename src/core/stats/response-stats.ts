import type { IncidentState } from '../model/incident-state.ts';
import { SEVERITIES, type Severity } from '../model/severity.ts';

export interface SeverityStats {
  severity: Severity;
  /** Incidents declared in the window. */
  count: number;
  acknowledged: number;
  /** Mean time from declaration to first acknowledgement, over the acknowledged ones. */
  mttaMs?: number;
  resolved: number;
  /** Mean time from declaration to resolution, over the resolved ones. */
  mttrMs?: number;
}

/**
 * Count, MTTA and MTTR by current severity for the incidents declared in [since, until).
 * Incidents never paged have no acknowledgement and are left out of MTTA, not counted as zero.
 */
export function responseStats(states: readonly IncidentState[], since: Date, until: Date): SeverityStats[] {
  const from = since.getTime();
  const to = until.getTime();
  const rows: SeverityStats[] = [];
  for (const severity of SEVERITIES) {
    const inWindow = states.filter((state) => {
      const declared = Date.parse(state.declaredAt);
      return state.severity === severity && declared >= from && declared < to;
    });
    if (inWindow.length === 0) continue;
    const toAck = durations(inWindow, (state) => state.firstAcknowledgedAt);
    const toResolve = durations(inWindow, (state) =>
      state.status === 'resolved' ? state.resolvedAt : undefined,
    );
    rows.push({
      severity,
      count: inWindow.length,
      acknowledged: toAck.length,
      ...(toAck.length > 0 ? { mttaMs: mean(toAck) } : {}),
      resolved: toResolve.length,
      ...(toResolve.length > 0 ? { mttrMs: mean(toResolve) } : {}),
    });
  }
  return rows;
}

function durations(
  states: readonly IncidentState[],
  end: (state: IncidentState) => string | undefined,
): number[] {
  return states.flatMap((state) => {
    const at = end(state);
    return at === undefined ? [] : [Math.max(0, Date.parse(at) - Date.parse(state.declaredAt))];
  });
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}
