import { type IncidentRef, incidentKey } from '../core/model/incident-ref.ts';

/** Job names of the paging feature, registered by registerPaging. */
export const PAGING_JOBS = {
  declared: 'paging-declared',
  reaction: 'paging-reaction',
  delivery: 'page-delivery',
  step: 'escalation-step',
  autoEscalate: 'auto-escalate',
  reminder: 'paging-reminder',
} as const;

/**
 * Deterministic job ids. BullMQ keeps one job per id, so two replicas (or a retry, or a restart
 * that re-plans) adding the same step add it once; the log check inside each handler does the rest.
 */
export const pagingJobId = {
  declared: (ref: IncidentRef) => `${PAGING_JOBS.declared}|${incidentKey(ref)}`,
  reaction: (ref: IncidentRef, revision: number) =>
    `${PAGING_JOBS.reaction}|${incidentKey(ref)}|r${revision}`,
  delivery: (ref: IncidentRef, deliveryId: string) =>
    `${PAGING_JOBS.delivery}|${incidentKey(ref)}|${deliveryId}`,
  /** (incident, chain, step, attempt): `attempt` is the repeat round of the chain. */
  step: (ref: IncidentRef, chain: string, step: number, round: number) =>
    `${PAGING_JOBS.step}|${incidentKey(ref)}|${chain}|${step}|${round}`,
  autoEscalate: (ref: IncidentRef, since: number) =>
    `${PAGING_JOBS.autoEscalate}|${incidentKey(ref)}|r${since}`,
  statusReminder: (ref: IncidentRef, dueMs: number) =>
    `${PAGING_JOBS.reminder}|${incidentKey(ref)}|status|${dueMs}`,
  commanderReminder: (ref: IncidentRef) => `${PAGING_JOBS.reminder}|${incidentKey(ref)}|commander`,
  postmortemReminder: (ref: IncidentRef, resolvedRevision: number) =>
    `${PAGING_JOBS.reminder}|${incidentKey(ref)}|postmortem|r${resolvedRevision}`,
  actionReminder: (ref: IncidentRef, itemId: string) =>
    `${PAGING_JOBS.reminder}|${incidentKey(ref)}|action|${itemId}`,
};

export { chainId, chainRevision, pageIdOf } from '../core/policy/page-ids.ts';
