import type { AppServices } from '../app/app-services.ts';
import type { IncidentEventType } from '../core/model/events.ts';
import type { ReactionRegistry } from '../core/reactions/reaction-registry.ts';
import { enqueueDelivery, pageDelivery } from './delivery-job.ts';
import { firstStep, manualPlan, nextStepInMs, planStep, policyPlan } from './escalation-plan.ts';
import type { TargetSpec } from './page-targets.ts';
import { chainId, PAGING_JOBS, pagingJobId } from './paging-job-ids.ts';
import { policyFor } from './severity-policy.ts';

const REACTS_TO: readonly IncidentEventType[] = [
  'acknowledged',
  'resolved',
  'severity_changed',
  'reopened',
  'action_item_added',
  'reminder_snoozed',
];

/**
 * Paging's reactions to the log: a declaration pages per its severity's policy, a page is
 * delivered (and a manual page's escalation planned), and an ack, resolve, severity change,
 * reopen, action item or snooze gets its paging job. Job ids derive from the event's revision,
 * so reacting twice to the same event (a restart, two replicas) starts each once.
 */
export function registerPagingReactions(registry: ReactionRegistry, services: AppServices): void {
  const { jobs } = services;
  registry.on('declared', 'paging-declared', async ({ ref }) => {
    await jobs.enqueue(PAGING_JOBS.declared, { ref }, { jobId: pagingJobId.declared(ref) });
  });
  registry.on('paged', 'page-delivery', async ({ ref, event, revision }) => {
    if (event.type !== 'paged') return;
    const state = await services.store.state(ref);
    const policy = state && policyFor(services.config.severities, state.severity);
    // A manual page starts its own chain, named after its revision: its escalation is planned here.
    if (event.chain === chainId(revision) && (event.step ?? 0) === 0) {
      const spec = specOf(event);
      const plan = policy && spec && manualPlan(policy, spec, services.config);
      const first = plan && state && firstStep(ref, event.chain, 'manual', state.severity, plan);
      if (first) await planStep(jobs, first);
      await enqueueDelivery(jobs, pageDelivery(ref, event, first?.delayMs));
      return;
    }
    // A policy chain's page: its retries must come before the chain's next step pages someone else.
    const plan = policy && policyPlan(policy, services.config);
    const next = plan && nextStepInMs(plan, event.step ?? 0, event.round ?? 0);
    await enqueueDelivery(jobs, pageDelivery(ref, event, next));
  });
  registry.on(REACTS_TO, 'paging-reaction', async ({ ref, revision }) => {
    await jobs.enqueue(
      PAGING_JOBS.reaction,
      { ref, revision },
      { jobId: pagingJobId.reaction(ref, revision) },
    );
  });
}

function specOf(page: {
  target: string;
  targetKind: string;
  layer?: string;
  targetName?: string;
}): TargetSpec | undefined {
  if (page.targetKind === 'user')
    return { kind: 'user', id: page.target, name: page.targetName ?? page.target };
  if (page.targetKind === 'pager') return { kind: 'pager', id: page.target };
  return { kind: 'schedule', id: page.target, layer: page.layer ?? 'primary' };
}
