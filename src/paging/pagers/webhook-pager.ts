import { createHmac } from 'node:crypto';
import type { Pager, PagerDelivery } from '../../ports/pager.ts';
import type { WebhookPagerConfig } from '../pager-config.ts';
import { pagerIncident } from './pager-incident.ts';
import { postJson } from './post-json.ts';

export const WEBHOOK_EVENTS = {
  page: 'incident.page',
  escalate: 'incident.escalate',
  acknowledge: 'incident.acknowledge',
  resolve: 'incident.resolve',
} as const;

/**
 * `sha256=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>`, the value of X-Incident-Signature,
 * with the Unix time in seconds sent as X-Tocsin-Timestamp (Stripe's scheme). Signing the time too
 * lets a receiver refuse a captured request replayed later: it checks the MAC, then that the
 * timestamp is within a few minutes of its own clock.
 */
export function signWebhookBody(secret: string, timestamp: number, rawBody: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex')}`;
}

/**
 * A signed JSON POST. The body is serialised once and signed as sent, so the receiver can verify
 * the exact bytes; the Idempotency-Key stays the same on every retry of one delivery, while each
 * attempt is signed at its own time.
 */
export class WebhookPager implements Pager {
  readonly type = 'webhook';
  readonly id: string;

  constructor(
    private readonly config: WebhookPagerConfig,
    /** The signing clock is the wall clock on purpose: the receiver compares it with its own. */
    private readonly nowMs: () => number = Date.now,
  ) {
    this.id = config.id;
  }

  async send(delivery: PagerDelivery): Promise<void> {
    const body = JSON.stringify({
      event: WEBHOOK_EVENTS[delivery.action],
      incident: pagerIncident(delivery.incident),
      target: delivery.target,
      attempt: delivery.attempt,
      ...(delivery.message === undefined ? {} : { message: delivery.message }),
    });
    const timestamp = Math.floor(this.nowMs() / 1000);
    await postJson({
      pager: this.id,
      receiver: `the webhook ${this.id}`,
      url: this.config.url,
      body,
      timeoutMs: this.config.timeoutMs,
      headers: {
        'x-tocsin-timestamp': String(timestamp),
        'x-incident-signature': signWebhookBody(this.config.secret, timestamp, body),
        'idempotency-key': delivery.idempotencyKey,
      },
    });
  }
}
