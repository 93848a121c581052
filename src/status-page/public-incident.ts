import { createHash } from 'node:crypto';
import type { EventOf, PublicImpact, StoredEvent } from '../core/model/events.ts';
import { type IncidentRef, incidentKey } from '../core/model/incident-ref.ts';
import type { TextRedactor } from '../ports/redactor.ts';

/** One published update, in Statuspage v2's shape. */
export interface PublicUpdate {
  id: string;
  status: string;
  body: string;
  incident_id: string;
  created_at: string;
  updated_at: string;
  display_at: string;
  affected_components: null;
}

/** An incident as Statuspage's public v2 API (summary.json, incidents.json) describes one. */
export interface PublicIncident {
  id: string;
  name: string;
  status: string;
  impact: PublicImpact;
  created_at: string;
  updated_at: string;
  started_at: string;
  monitoring_at: string | null;
  resolved_at: string | null;
  shortlink: null;
  page_id: string;
  incident_updates: PublicUpdate[];
  components: [];
}

export const PAGE_ID = 'tocsin';
const NAME_LIMIT = 100;

/** Public ids say nothing of the workspace or the number: a digest of the incident key. */
export function publicId(ref: IncidentRef, salt = ''): string {
  return createHash('sha256')
    .update(`${salt}${incidentKey(ref)}`)
    .digest('hex')
    .slice(0, 12);
}

/**
 * The public face of an incident, folded from its `status_published` events and nothing else: the
 * title, notes, chatter and internal status messages never show. Undefined: nothing was published.
 */
export function foldPublicIncident(
  ref: IncidentRef,
  log: readonly StoredEvent[],
  redactor: TextRedactor,
): PublicIncident | undefined {
  const published = log.filter(
    (event): event is StoredEvent & EventOf<'status_published'> => event.type === 'status_published',
  );
  const first = published[0];
  const last = published.at(-1);
  if (!first || !last) return undefined;
  const id = publicId(ref);
  const updates = published.map((event) => ({
    id: createHash('sha256').update(`${id}:${event.id}`).digest('hex').slice(0, 12),
    status: event.status,
    body: redactor.redact(event.message),
    incident_id: id,
    created_at: event.at,
    updated_at: event.at,
    display_at: event.at,
    affected_components: null,
  }));
  const name = updates[0]?.body.split(/(?<=[.!?])\s/)[0] ?? '';
  return {
    id,
    name: name.length > NAME_LIMIT ? `${name.slice(0, NAME_LIMIT - 1)}…` : name,
    status: last.status,
    impact: last.impact,
    created_at: first.at,
    updated_at: last.at,
    started_at: first.at,
    monitoring_at: published.find((event) => event.status === 'monitoring')?.at ?? null,
    resolved_at: last.status === 'resolved' ? last.at : null,
    shortlink: null,
    page_id: PAGE_ID,
    incident_updates: updates.reverse(),
    components: [],
  };
}
