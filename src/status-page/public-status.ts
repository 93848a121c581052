import { readPagingLog } from '../paging/paging-log.ts';
import type { IncidentStore } from '../ports/incident-store.ts';
import type { TextRedactor } from '../ports/redactor.ts';
import { foldPublicIncident, PAGE_ID, type PublicIncident } from './public-incident.ts';
import type { PublicStatusIndex } from './public-status-index.ts';

export interface PublicPage {
  id: string;
  name: string;
  url: string;
  time_zone: 'Etc/UTC';
  updated_at: string;
}

/** Statuspage's page indicator: the worst impact of what is not resolved. */
export type Indicator = 'none' | 'minor' | 'major' | 'critical';

const DESCRIPTION: Record<Indicator, string> = {
  none: 'All Systems Operational',
  minor: 'Minor Service Outage',
  major: 'Partial System Outage',
  critical: 'Major System Outage',
};
const RANK: readonly Indicator[] = ['none', 'minor', 'major', 'critical'];

export interface PublicStatus {
  page: PublicPage;
  /** Newest first. */
  incidents: PublicIncident[];
  unresolved: PublicIncident[];
  status: { indicator: Indicator; description: string };
}

/** Reads what was published, for the public endpoints; `url` is where the page is served. */
export async function readPublicStatus(input: {
  store: IncidentStore;
  index: PublicStatusIndex;
  redactor: TextRedactor;
  name: string;
  url: string;
  now: Date;
}): Promise<PublicStatus> {
  const incidents: PublicIncident[] = [];
  for (const ref of await input.index.latest()) {
    const log = (await readPagingLog(input.store, ref)).map((entry) => entry.event);
    const incident = foldPublicIncident(ref, log, input.redactor);
    if (incident) incidents.push(incident);
  }
  incidents.sort((a, b) => b.created_at.localeCompare(a.created_at));
  const unresolved = incidents.filter((incident) => incident.status !== 'resolved');
  const indicator = unresolved.reduce<Indicator>(
    (worst, incident) => (RANK.indexOf(incident.impact) > RANK.indexOf(worst) ? incident.impact : worst),
    'none',
  );
  const updatedAt =
    incidents
      .map((incident) => incident.updated_at)
      .sort()
      .at(-1) ?? input.now.toISOString();
  return {
    page: { id: PAGE_ID, name: input.name, url: input.url, time_zone: 'Etc/UTC', updated_at: updatedAt },
    incidents,
    unresolved,
    status: {
      indicator,
      description:
        unresolved.length > 0 && indicator === 'none'
          ? 'Service Under Investigation'
          : DESCRIPTION[indicator],
    },
  };
}
