import type { IncidentRef } from '../core/model/incident-ref.ts';
import type { Severity } from '../core/model/severity.ts';
import type { JobQueue } from '../ports/job-queue.ts';
import {
  parseTarget,
  type TargetDirectory,
  type TargetSpec,
  targetText,
  withNextLayers,
} from './page-targets.ts';
import { PAGING_JOBS, pagingJobId } from './paging-job-ids.ts';
import type { ChainKind } from './paging-log.ts';
import type { SeverityPolicy } from './severity-policy.ts';

/** The steps of one chain, fixed when it starts: a config reload does not rewrite a running chain. */
export interface EscalationPlan {
  steps: { waitMs: number; targets: string[] }[];
  repeat: number;
}

/** The data of one escalation-step job. */
export interface StepJob {
  ref: IncidentRef;
  chain: string;
  kind: ChainKind;
  severity: Severity;
  /** 1-based within the chain. */
  step: number;
  /** 0-based repeat round: the "attempt" of the job id. */
  round: number;
  plan: EscalationPlan;
}

/** The chain a severity's policy runs after paging `policy.page`. */
export function policyPlan(policy: SeverityPolicy, directory: TargetDirectory): EscalationPlan | undefined {
  if (policy.escalation) return policy.escalation;
  if (policy.escalateIfUnackedMs === undefined || policy.page.length === 0) return undefined;
  return oneEscalation(policy.escalateIfUnackedMs, specsOf(policy.page, directory), directory);
}

/** A manual page escalates once when its severity has `escalate_if_unacked`; full chains are for policy pages. */
export function manualPlan(
  policy: SeverityPolicy,
  target: TargetSpec,
  directory: TargetDirectory,
): EscalationPlan | undefined {
  if (policy.escalateIfUnackedMs === undefined) return undefined;
  return oneEscalation(policy.escalateIfUnackedMs, [target], directory);
}

function oneEscalation(waitMs: number, specs: TargetSpec[], directory: TargetDirectory): EscalationPlan {
  return {
    steps: [{ waitMs, targets: withNextLayers(specs, directory.schedules).map(targetText) }],
    repeat: 0,
  };
}

/** Targets as written; ones that no longer resolve (config changed under a running chain) are left out. */
export function specsOf(targets: readonly string[], directory: TargetDirectory): TargetSpec[] {
  return targets.flatMap((text) => {
    const spec = parseTarget(text, directory);
    return typeof spec === 'string' ? [] : [spec];
  });
}

export function firstStep(
  ref: IncidentRef,
  chain: string,
  kind: ChainKind,
  severity: Severity,
  plan: EscalationPlan,
): { job: StepJob; delayMs: number } | undefined {
  const first = plan.steps[0];
  if (!first) return undefined;
  return { job: { ref, chain, kind, severity, step: 1, round: 0, plan }, delayMs: first.waitMs };
}

/** The step after `job`: the next one in the chain, or the first of the next round while repeats remain. */
export function nextStep(job: StepJob): { job: StepJob; delayMs: number } | undefined {
  const following = job.plan.steps[job.step];
  if (following) return { job: { ...job, step: job.step + 1 }, delayMs: following.waitMs };
  const first = job.plan.steps[0];
  if (first && job.round < job.plan.repeat)
    return { job: { ...job, step: 1, round: job.round + 1 }, delayMs: first.waitMs };
  return undefined;
}

/** How long after a page of `step` (0: the chain's first page) the chain escalates next, if it does. */
export function nextStepInMs(plan: EscalationPlan, step: number, round: number): number | undefined {
  if (step === 0) return plan.steps[0]?.waitMs;
  const following = plan.steps[step];
  if (following) return following.waitMs;
  return round < plan.repeat ? plan.steps[0]?.waitMs : undefined;
}

/** Puts a step on the durable timer. Adding the same step twice (two workers, a retry) adds it once. */
export async function planStep(jobs: JobQueue, planned: { job: StepJob; delayMs: number }): Promise<void> {
  const { job, delayMs } = planned;
  await jobs.enqueue(PAGING_JOBS.step, job, {
    jobId: pagingJobId.step(job.ref, job.chain, job.step, job.round),
    delayMs,
  });
}
