import { describeWait } from '../../core/policy/describe-wait.ts';
import { nextStep, planStep, type StepJob, specsOf } from '../escalation-plan.ts';
import type { PagingContext } from '../paging-context.ts';
import { chainState, readPagingLog } from '../paging-log.ts';
import { recordPages } from '../record-pages.ts';

/**
 * One escalation step, when its delay is over. The log decides whether it still applies (no ack,
 * no resolve, not superseded since the chain began) and whether it already fired; the next step is
 * planned before this one's pages are recorded.
 */
export function fireEscalationStep(ctx: PagingContext) {
  return async (data: unknown): Promise<void> => {
    const job = data as StepJob;
    const { services } = ctx;
    const log = await readPagingLog(services.store, job.ref);
    if (chainState(log, job.chain, job.kind) !== 'live') return;
    const current = job.plan.steps[job.step - 1];
    if (!current) return;
    const next = nextStep(job);
    if (next) await planStep(services.jobs, next);
    const wait = describeWait(current.waitMs);
    const round = job.round > 0 ? `, round ${job.round + 1}` : '';
    await recordPages(ctx, {
      ref: job.ref,
      chain: job.chain,
      kind: job.kind,
      step: job.step,
      round: job.round,
      specs: specsOf(current.targets, services.config),
      reason: `not acknowledged within ${wait}${round}`,
      announce: `Nobody acknowledged within ${wait}. Escalating (step ${job.step}${round})`,
      ...(next ? { nextStepInMs: next.delayMs } : {}),
    });
  };
}
