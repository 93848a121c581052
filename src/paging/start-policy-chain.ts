import type { IncidentRef } from '../core/model/incident-ref.ts';
import type { Severity } from '../core/model/severity.ts';
import { firstStep, planStep, policyPlan, specsOf } from './escalation-plan.ts';
import type { PagingContext } from './paging-context.ts';
import { recordPages } from './record-pages.ts';
import { policyFor } from './severity-policy.ts';

/**
 * Starts the chain of a severity's policy: its first escalation step goes on the durable timer
 * BEFORE the page that starts the wait is recorded, so a crash in between can only over-page,
 * never leave a page without its escalation. `page: false` plans the steps without paging (a
 * downgrade keeps escalating under the lower severity's rules, but does not page again).
 */
export async function startPolicyChain(
  ctx: PagingContext,
  input: { ref: IncidentRef; chain: string; severity: Severity; announce: string; page: boolean },
): Promise<void> {
  const { services } = ctx;
  const policy = policyFor(services.config.severities, input.severity);
  const plan = policyPlan(policy, services.config);
  const first = plan && firstStep(input.ref, input.chain, 'policy', input.severity, plan);
  if (first) await planStep(services.jobs, first);
  if (!input.page) return;
  await recordPages(ctx, {
    ref: input.ref,
    chain: input.chain,
    kind: 'policy',
    step: 0,
    round: 0,
    specs: specsOf(policy.page, services.config),
    announce: input.announce,
    ...(first ? { nextStepInMs: first.delayMs } : {}),
  });
}
