import { SystemError } from '../core/errors.ts';
import type { Actor } from '../core/model/events.ts';
import type { IncidentState } from '../core/model/incident-state.ts';

export type PagerAction = 'page' | 'escalate' | 'acknowledge' | 'resolve';

/** Who or what a delivery is about: what was paged, resolved at the time of the page. */
export interface PagerTarget {
  kind: 'user' | 'schedule' | 'pager';
  id: string;
  /** The person to reach (a paged user, or whoever was on call in the schedule's layer). */
  user?: string;
  layer?: string;
  /** 0 for the first page, n for the n-th escalation step. */
  step?: number;
  round?: number;
}

/** One message to one pager. */
export interface PagerDelivery {
  action: PagerAction;
  incident: IncidentState;
  target: PagerTarget;
  /** 1 on the first try; retries of the same delivery count up. */
  attempt: number;
  /** The same on every retry of this delivery, so the receiver can drop duplicates. */
  idempotencyKey: string;
  message?: string;
  /** Who acknowledged, for `acknowledge`. */
  actor?: Actor;
}

/** Something that wakes people up: a chat DM, a webhook, PagerDuty, Opsgenie. */
export interface Pager {
  readonly id: string;
  readonly type: string;
  /** Resolves once the receiver accepted it; throws PagerDeliveryError when it did not. */
  send(delivery: PagerDelivery): Promise<void>;
}

/**
 * A delivery the receiver did not accept. `retryable` is true for timeouts, network errors, 429
 * and 5xx; any other answer means retrying the same request cannot help.
 */
export class PagerDeliveryError extends SystemError {
  readonly pager: string;
  readonly retryable: boolean;
  readonly status: number | undefined;
  readonly retryAfterMs: number | undefined;

  constructor(
    pager: string,
    message: string,
    options: { retryable: boolean; status?: number; retryAfterMs?: number; cause?: unknown },
  ) {
    super('pager_delivery_failed', message, { cause: options.cause });
    this.name = 'PagerDeliveryError';
    this.pager = pager;
    this.retryable = options.retryable;
    this.status = options.status;
    this.retryAfterMs = options.retryAfterMs;
  }
}
