import type { IncidentStore } from '../../ports/incident-store.ts';
import type { WorkspaceRef } from '../model/incident-ref.ts';
import type { IncidentState } from '../model/incident-state.ts';

/** Folding every incident at once would open thousands of Redis reads in one go. */
const LOAD_BATCH = 100;

/** Every incident of a workspace, folded, in number order. */
export async function workspaceStates(
  store: IncidentStore,
  workspace: WorkspaceRef,
): Promise<IncidentState[]> {
  const refs = await store.allIncidents(workspace);
  const states: IncidentState[] = [];
  for (let start = 0; start < refs.length; start += LOAD_BATCH) {
    const batch = await Promise.all(refs.slice(start, start + LOAD_BATCH).map((ref) => store.state(ref)));
    for (const state of batch) if (state) states.push(state);
  }
  return states;
}
