import { incidentKey, incidentLabel } from '../../core/model/incident-ref.ts';
import type { IncidentState } from '../../core/model/incident-state.ts';

/** The incident as external pagers see it; `id` is the key they deduplicate on. */
export interface PagerIncident {
  id: string;
  number: number;
  title: string;
  severity: string;
  status: string;
  url: string | null;
}

export function pagerIncident(state: IncidentState): PagerIncident {
  return {
    id: incidentKey(state.ref),
    number: state.number,
    title: state.title,
    severity: state.severity,
    status: state.status,
    url: state.channel?.url ?? null,
  };
}

/** `INC-4 [SEV1] checkout errors`: the one line a phone notification shows. */
export function incidentHeadline(state: IncidentState): string {
  return `${incidentLabel(state.number)} [${state.severity}] ${state.title}`;
}
