import type { Severity } from '../core/model/severity.ts';
import { DAY_MS } from '../core/policy/duration.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** A severity's policy once validated and merged with the defaults. Durations are milliseconds. */
export interface SeverityPolicy {
  id: Severity;
  description: string;
  responseTargetMs: number;
  /** How often a status update is expected; the channel is nudged when one is overdue. */
  updateIntervalMs?: number;
  /** Targets paged at declaration and on an upgrade to this severity: pager ids, schedule ids, @users. */
  page: string[];
  /** Sugar for a one-step chain: the same targets plus the next layer of any paged schedule. */
  escalateIfUnackedMs?: number;
  escalation?: EscalationChainPolicy;
  autoEscalate?: { afterMs: number; to: Severity };
  /** Nudges the channel when nobody has taken the commander role after this long. */
  commanderNudgeMs?: number;
  postmortem: { required: boolean; dueMs: number };
}

export interface EscalationChainPolicy {
  steps: { waitMs: number; targets: string[] }[];
  /** How many more times the whole chain runs after its last step. */
  repeat: number;
}

/**
 * The severity table of the runbook in seed 001 (the project's founding runbook): definitions and response
 * times are the seed's, as is "a SEV-2 not resolved within 2 hours escalates to SEV-1" and "a
 * post-incident report after any SEV-1 or SEV-2". The seed has no SEV-4, no status-update cadence,
 * no commander nudge and no postmortem deadline: those values are ours, chosen to match the response
 * times, and every one can be overridden per severity in the config. Nothing is paged by default,
 * because a fresh install knows no pagers or schedules yet.
 */
export const DEFAULT_SEVERITIES: readonly SeverityPolicy[] = [
  {
    id: 'SEV1',
    description: 'Platform down, all users affected',
    responseTargetMs: 15 * MINUTE,
    updateIntervalMs: 30 * MINUTE,
    page: [],
    commanderNudgeMs: 10 * MINUTE,
    postmortem: { required: true, dueMs: 5 * DAY_MS },
  },
  {
    id: 'SEV2',
    description: 'Feature broken, subset of users affected',
    responseTargetMs: HOUR,
    updateIntervalMs: HOUR,
    page: [],
    autoEscalate: { afterMs: 2 * HOUR, to: 'SEV1' },
    commanderNudgeMs: 30 * MINUTE,
    postmortem: { required: true, dueMs: 5 * DAY_MS },
  },
  {
    id: 'SEV3',
    description: 'Minor issue, no user impact or minimal degradation',
    responseTargetMs: 4 * HOUR,
    page: [],
    postmortem: { required: false, dueMs: 10 * DAY_MS },
  },
  {
    id: 'SEV4',
    description: 'Cosmetic or informational, no user impact',
    responseTargetMs: DAY_MS,
    page: [],
    postmortem: { required: false, dueMs: 10 * DAY_MS },
  },
];
