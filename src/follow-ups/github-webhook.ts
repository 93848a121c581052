import { verify } from '@octokit/webhooks-methods';
import type { Hono } from 'hono';
import type { FollowUpContext } from './follow-up-context.ts';
import { syncTicketState } from './sync-ticket-state.ts';
import { IGNORED, isStale, parseObject, REFUSED } from './webhook-delivery.ts';

interface IssuesEvent {
  action?: unknown;
  issue?: { number?: unknown; updated_at?: unknown };
  repository?: { full_name?: unknown };
  sender?: { login?: unknown };
}

/**
 * `POST /webhooks/github`: GitHub `issues` events, closed or reopened, signed with
 * `follow_ups.webhook_secret` (X-Hub-Signature-256 over the raw body, checked in constant time).
 * A delivery that is unsigned, wrongly signed or stale gets 401 and leaves no trace.
 */
export function registerGithubWebhook(routes: Hono, ctx: FollowUpContext): void {
  routes.post('/webhooks/github', async (c) => {
    const secret = ctx.config.webhook_secret;
    const raw = await c.req.text();
    const signature = c.req.header('x-hub-signature-256');
    if (!secret || !signature || !(await verify(secret, raw, signature).catch(() => false))) {
      return c.text(REFUSED, 401);
    }
    const kind = c.req.header('x-github-event');
    if (kind === 'ping') return c.text('pong\n');
    const event = parseObject<IssuesEvent>(raw);
    if (kind !== 'issues' || !event) return c.text(IGNORED, 202);
    if (isStale(Date.parse(String(event.issue?.updated_at)), ctx.services.clock.now().getTime())) {
      return c.text(REFUSED, 401);
    }
    const repo = ctx.config.github?.repo;
    const number = event.issue?.number;
    const sameRepo =
      typeof event.repository?.full_name === 'string' &&
      event.repository.full_name.toLowerCase() === repo?.toLowerCase();
    if (
      !repo ||
      !sameRepo ||
      typeof number !== 'number' ||
      (event.action !== 'closed' && event.action !== 'reopened')
    ) {
      return c.text(IGNORED, 202);
    }
    const deliveryId = c.req.header('x-github-delivery');
    const login = event.sender?.login;
    const outcome = await syncTicketState(ctx, {
      system: 'github',
      key: `${repo}#${number}`,
      closed: event.action === 'closed',
      ...(typeof login === 'string' ? { by: login } : {}),
      ...(deliveryId ? { deliveryId } : {}),
    });
    return c.text(`${outcome}\n`, outcome === 'changed' ? 200 : 202);
  });
}
