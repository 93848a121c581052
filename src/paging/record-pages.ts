import type { IncidentEventBody } from '../core/model/events.ts';
import type { IncidentRef } from '../core/model/incident-ref.ts';
import { appendPagingEvents } from './append-paging-events.ts';
import { enqueueDelivery, pageDelivery } from './delivery-job.ts';
import { postIncidentNotice } from './incident-notice.ts';
import { resolveRecipient, type TargetSpec } from './page-targets.ts';
import type { PagingContext } from './paging-context.ts';
import { pageIdOf } from './paging-job-ids.ts';
import { type ChainKind, chainState, pagesOfChain, readPagingLog, stepFired } from './paging-log.ts';

export interface StepPages {
  ref: IncidentRef;
  chain: string;
  kind: ChainKind;
  /** 0 for the first page of a chain, n for its n-th escalation. */
  step: number;
  round: number;
  specs: readonly TargetSpec[];
  /** For escalations: why (it shows on the timeline). */
  reason?: string;
  /** What the channel is told once the pages are recorded, e.g. "Paging per SEV1 policy". */
  announce: string;
  /** How long until the chain's next step: a pager's Retry-After never delays a retry past it. */
  nextStepInMs?: number;
}

/**
 * Records one step's pages (and for an escalation, the `escalated` event) exactly once, then makes
 * sure each page has its delivery job. Safe to run again after a crash at any point: a step already
 * in the log is not appended twice, and delivery jobs have deterministic ids.
 */
export async function recordPages(ctx: PagingContext, input: StepPages): Promise<void> {
  const { services, platforms } = ctx;
  const { ref, chain, kind, step, round } = input;
  // Set by the decision that won the append (the last one made).
  let labels: string[] = [];
  const appended = await appendPagingEvents(services, ref, (log) => {
    if (chainState(log, chain, kind) !== 'live') return undefined;
    const done =
      step === 0 ? pagesOfChain(log, chain, 0, round).length > 0 : stepFired(log, chain, step, round);
    if (done) return undefined;
    const at = services.clock.now();
    const recipients = input.specs.map((spec) => resolveRecipient(spec, services.config.schedules, at));
    labels = recipients.map((recipient) => recipient.label);
    const bodies: IncidentEventBody[] = [];
    if (step > 0) {
      bodies.push({
        type: 'escalated',
        step,
        targets: labels,
        reason: input.reason ?? 'not acknowledged',
        chain,
        round,
      });
    }
    recipients.forEach((recipient, index) => {
      bodies.push({
        type: 'paged',
        target: recipient.target,
        targetKind: recipient.targetKind,
        pageId: pageIdOf(chain, step, round, index),
        pager: recipient.pager,
        ...(recipient.user === undefined ? {} : { user: recipient.user }),
        ...(recipient.layer === undefined ? {} : { layer: recipient.layer }),
        chain,
        step,
        round,
      });
    });
    return bodies;
  });
  const log = await readPagingLog(services.store, ref);
  for (const page of pagesOfChain(log, chain, step, round)) {
    await enqueueDelivery(services.jobs, pageDelivery(ref, page, input.nextStepInMs));
  }
  if (appended.length === 0) return;
  if (step > 0) services.metrics?.escalationFired();
  const state = await services.store.state(ref);
  if (!state) return;
  await postIncidentNotice(platforms, state, `${input.announce}: ${labels.join(', ') || 'nobody'}.`).catch(
    () => {
      // The log records the page; a channel that cannot be posted to must not fail the step.
    },
  );
}
