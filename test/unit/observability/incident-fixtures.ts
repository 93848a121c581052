import type { IncidentEvent, IncidentEventBody, StoredEvent } from '../../../src/core/model/events.ts';
import { foldIncident, type IncidentState } from '../../../src/core/model/incident-state.ts';
import type { Severity } from '../../../src/core/model/severity.ts';

const ref = { platform: 'slack', workspace: 'T1', number: 1 };
const actor = { id: 'U1', name: 'sam' };
const origin = { platform: 'slack', workspace: 'T1', channel: 'C1' };

/** An event of the log at `at` (ISO), as the store would hand it back. */
export function event(at: string, body: IncidentEventBody, id = at): StoredEvent {
  return { ...body, at, actor, origin, id } as StoredEvent;
}

export function appended(at: string, body: IncidentEventBody): IncidentEvent {
  return { ...body, at, actor, origin } as IncidentEvent;
}

/** An incident declared at `declaredAt`, folded from the given later events. */
export function incident(
  declaredAt: string,
  severity: Severity,
  later: StoredEvent[] = [],
  number = 1,
): IncidentState {
  const declared = event(declaredAt, { type: 'declared', number, title: 'api down', severity });
  const state = foldIncident({ ...ref, number }, [declared, ...later]);
  if (!state) throw new Error('fold produced nothing');
  return state;
}

export const paged = (at: string, pageId = 'p1') =>
  event(at, { type: 'paged', target: 'U2', targetKind: 'user', pageId });
export const acked = (at: string) => event(at, { type: 'acknowledged', pageIds: ['p1'] });
export const resolved = (at: string) => event(at, { type: 'resolved' });
