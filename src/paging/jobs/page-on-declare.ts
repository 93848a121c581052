import type { IncidentRef } from '../../core/model/incident-ref.ts';
import type { PagingContext } from '../paging-context.ts';
import { chainId } from '../paging-job-ids.ts';
import { chainState, readPagingLog } from '../paging-log.ts';
import { planAutoEscalate, planCommanderNudge, planStatusCheck } from '../paging-timers.ts';
import { startPolicyChain } from '../start-policy-chain.ts';

/** At declaration: page per the severity's policy, and set its timers (auto-escalation, nudges). */
export function pageOnDeclare(ctx: PagingContext) {
  return async (data: unknown): Promise<void> => {
    const { ref } = data as { ref: IncidentRef };
    const { services } = ctx;
    const log = await readPagingLog(services.store, ref);
    const declared = log[0];
    // An imported incident is history: nobody is woken for it.
    if (declared?.event.type !== 'declared' || declared.event.imported) return;
    const severity = declared.event.severity;
    const chain = chainId(declared.revision);
    // A severity change before this job ran has started its own chain; this one is superseded.
    if (chainState(log, chain, 'policy') === 'live') {
      await startPolicyChain(ctx, {
        ref,
        chain,
        severity,
        announce: `Paging per ${severity} policy`,
        page: true,
      });
    }
    const state = await services.store.state(ref);
    if (!state || state.status === 'resolved') return;
    if (state.severity === severity) await planAutoEscalate(ctx, ref, severity, declared);
    await planCommanderNudge(ctx, state);
    await planStatusCheck(ctx, state, log);
  };
}
