import { z } from 'zod';
import { SEVERITIES, type Severity, severityRank } from '../core/model/severity.ts';
import { InvalidDurationError, parseDuration } from '../core/policy/duration.ts';
import { DEFAULT_SEVERITIES, type EscalationChainPolicy, type SeverityPolicy } from './default-severities.ts';

export type { EscalationChainPolicy, SeverityPolicy } from './default-severities.ts';

/**
 * The `severities:` section. Each entry overrides the defaults of its severity field by field, so
 * `- {id: SEV1, page: [ops-hook], escalate_if_unacked: 5m}` keeps SEV1's description and cadence.
 * `false` (or null) switches an inherited optional rule off, e.g. `auto_escalate: false`.
 */

const severityId = z
  .string({ error: 'id must be a severity such as SEV1' })
  .transform((value) => value.toUpperCase().replace(/[-\s]/, ''))
  .pipe(z.enum(SEVERITIES, { error: `id must be one of ${SEVERITIES.join(', ')}` }));

/** A duration as written in config (`90s`, `5m`, `2h`, `3d`), read as milliseconds. */
export function durationSchema(key: string) {
  return z.string({ error: `${key} must be a duration such as 90s, 5m, 2h or 3d` }).transform((text, ctx) => {
    try {
      return parseDuration(text);
    } catch (error) {
      if (!(error instanceof InvalidDurationError)) throw error;
      ctx.addIssue({ code: 'custom', message: `${key}: ${error.message}` });
      return z.NEVER;
    }
  });
}

/** An inherited rule that may be switched off with `false` or null. */
const switchable = <T extends z.ZodType>(schema: T) =>
  // false is folded into null first: a union would hide the inner schema's message behind "Invalid input".
  z.preprocess((value) => (value === false ? null : value), schema.nullable().optional());

const targetList = (key: string) =>
  z.array(z.string({ error: `${key} entries must be pager ids, schedule ids or @user mentions` }).min(1), {
    error: `${key} must be a list of pager ids, schedule ids or @user mentions`,
  });

const escalationSchema = z.strictObject({
  steps: z
    .array(z.strictObject({ wait: durationSchema('wait'), targets: targetList('targets').min(1) }), {
      error: 'steps must be a list of {wait, targets}',
    })
    .min(1, 'steps must list at least one step'),
  repeat: z.number().int().min(0).max(10, 'repeat is at most 10').default(0),
});

const severityEntrySchema = z
  .strictObject({
    id: severityId,
    description: z.string().min(1).optional(),
    response_target: durationSchema('response_target').optional(),
    update_interval: switchable(durationSchema('update_interval')),
    page: targetList('page').optional(),
    escalate_if_unacked: switchable(durationSchema('escalate_if_unacked')),
    escalation: switchable(escalationSchema),
    auto_escalate: switchable(z.strictObject({ after: durationSchema('after'), to: severityId })),
    commander_nudge: switchable(durationSchema('commander_nudge')),
    postmortem: z
      .strictObject({ required: z.boolean().optional(), due: durationSchema('due').optional() })
      .optional(),
  })
  .superRefine((entry, ctx) => {
    if (entry.escalate_if_unacked && entry.escalation) {
      ctx.addIssue({
        code: 'custom',
        path: ['escalation'],
        message: 'give either escalate_if_unacked (one escalation) or escalation (a full chain), not both',
      });
    }
    const to = entry.auto_escalate ? entry.auto_escalate.to : undefined;
    if (to !== undefined && severityRank(to) >= severityRank(entry.id)) {
      ctx.addIssue({
        code: 'custom',
        path: ['auto_escalate', 'to'],
        message: `auto_escalate.to must be more severe than ${entry.id}, got ${to}`,
      });
    }
  });

type SeverityEntry = z.output<typeof severityEntrySchema>;

/** The section: always yields one policy per severity, in SEV1..SEV4 order. */
export const severitiesSchema = z
  .array(severityEntrySchema, { error: 'severities must be a list' })
  .default([])
  .superRefine((entries, ctx) => {
    const ids = entries.map((entry) => entry.id);
    ids.forEach((id, index) => {
      if (ids.indexOf(id) !== index) {
        ctx.addIssue({ code: 'custom', path: [index, 'id'], message: `severity ${id} is listed twice` });
      }
    });
  })
  .transform((entries) =>
    DEFAULT_SEVERITIES.map((base) =>
      merge(
        base,
        entries.find((e) => e.id === base.id),
      ),
    ),
  );

function merge(base: SeverityPolicy, entry: SeverityEntry | undefined): SeverityPolicy {
  if (!entry) return base;
  const policy: SeverityPolicy = {
    ...base,
    page: entry.page ?? base.page,
    postmortem: { ...base.postmortem },
  };
  if (entry.description !== undefined) policy.description = entry.description;
  if (entry.response_target !== undefined) policy.responseTargetMs = entry.response_target;
  apply(policy, 'updateIntervalMs', entry.update_interval);
  apply(policy, 'commanderNudgeMs', entry.commander_nudge);
  apply(
    policy,
    'autoEscalate',
    entry.auto_escalate
      ? { afterMs: entry.auto_escalate.after, to: entry.auto_escalate.to }
      : entry.auto_escalate,
  );
  // The two ways of writing escalation replace each other: setting one drops the inherited other.
  if (entry.escalate_if_unacked !== undefined || entry.escalation !== undefined) {
    delete policy.escalateIfUnackedMs;
    delete policy.escalation;
    apply(policy, 'escalateIfUnackedMs', entry.escalate_if_unacked);
    apply(policy, 'escalation', entry.escalation ? chainOf(entry.escalation) : entry.escalation);
  }
  if (entry.postmortem?.required !== undefined) policy.postmortem.required = entry.postmortem.required;
  if (entry.postmortem?.due !== undefined) policy.postmortem.dueMs = entry.postmortem.due;
  return policy;
}

type Optional =
  | 'updateIntervalMs'
  | 'commanderNudgeMs'
  | 'autoEscalate'
  | 'escalateIfUnackedMs'
  | 'escalation';

/** undefined keeps the default, null (or false, folded into null) removes it, a value replaces it. */
function apply<K extends Optional>(
  policy: SeverityPolicy,
  key: K,
  value: SeverityPolicy[K] | null | undefined,
): void {
  if (value === undefined) return;
  if (value === null) delete policy[key];
  else policy[key] = value as NonNullable<SeverityPolicy[K]>;
}

function chainOf(escalation: z.output<typeof escalationSchema>): EscalationChainPolicy {
  return {
    steps: escalation.steps.map((step) => ({ waitMs: step.wait, targets: step.targets })),
    repeat: escalation.repeat,
  };
}

/** The policy of a severity; the schema guarantees there is one for each. */
export function policyFor(severities: readonly SeverityPolicy[], severity: Severity): SeverityPolicy {
  const policy = severities.find((candidate) => candidate.id === severity);
  if (!policy) throw new Error(`no policy for ${severity}`);
  return policy;
}

/** Every target a severity policy may page, with where it was written (for config errors). */
export function policyTargets(policy: SeverityPolicy): { where: string; target: string }[] {
  const found = policy.page.map((target, index) => ({ where: `${policy.id}.page.${index}`, target }));
  policy.escalation?.steps.forEach((step, stepIndex) => {
    step.targets.forEach((target, index) => {
      found.push({ where: `${policy.id}.escalation.steps.${stepIndex}.targets.${index}`, target });
    });
  });
  return found;
}
