import { incidentLabel } from '../../core/model/incident-ref.ts';
import { describeWait } from '../../core/policy/describe-wait.ts';
import { appendPagingEvents } from '../append-paging-events.ts';
import { postIncidentNotice } from '../incident-notice.ts';
import type { PagingContext } from '../paging-context.ts';
import type { AutoEscalateJob } from '../paging-timers.ts';

/**
 * Raises the severity of an incident still unresolved after the policy's wait (SEV2 → SEV1 after
 * 2h by default). The severity change then pages under the new policy like any upgrade.
 */
export function autoEscalate(ctx: PagingContext) {
  return async (data: unknown): Promise<void> => {
    const job = data as AutoEscalateJob;
    const { services } = ctx;
    const waited = describeWait(job.afterMs);
    const appended = await appendPagingEvents(services, job.ref, (log, state) => {
      if (state.status === 'resolved' || state.severity !== job.from) return undefined;
      const movedOn = log.some(
        ({ revision, event }) =>
          revision > job.since && (event.type === 'severity_changed' || event.type === 'resolved'),
      );
      if (movedOn) return undefined;
      return [
        {
          type: 'severity_changed',
          from: job.from,
          to: job.to,
          automatic: true,
          reason: `unresolved after ${waited}`,
        },
      ];
    });
    if (appended.length === 0) return;
    const state = await services.store.state(job.ref);
    if (!state) return;
    await postIncidentNotice(
      ctx.platforms,
      state,
      `${incidentLabel(state.number)} is still unresolved after ${waited}: severity raised ${job.from} → ${job.to} as the ${job.from} policy says.`,
    ).catch(() => {});
  };
}
