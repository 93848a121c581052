import { createHash, timingSafeEqual } from 'node:crypto';
import type { Hono } from 'hono';
import type { FollowUpContext } from './follow-up-context.ts';
import { syncTicketState } from './sync-ticket-state.ts';
import { IGNORED, isStale, parseObject, REFUSED } from './webhook-delivery.ts';

interface IssueUpdated {
  timestamp?: unknown;
  webhookEvent?: unknown;
  issue?: { key?: unknown; fields?: { status?: { statusCategory?: { key?: unknown } } } };
  changelog?: { id?: unknown; items?: { field?: unknown }[] };
  user?: { displayName?: unknown };
}

/** Equal in constant time, whatever the lengths (hashing first makes them equal). */
function sameSecret(given: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/**
 * `POST /webhooks/jira?secret=<webhook_secret>`: Jira Cloud `jira:issue_updated` events whose
 * status changed. Jira Cloud's admin webhooks are not signed, so the secret is in the URL.
 */
export function registerJiraWebhook(routes: Hono, ctx: FollowUpContext): void {
  routes.post('/webhooks/jira', async (c) => {
    const secret = ctx.config.webhook_secret;
    const given = c.req.query('secret');
    if (!secret || given === undefined || !sameSecret(given, secret)) return c.text(REFUSED, 401);
    const event = parseObject<IssueUpdated>(await c.req.text());
    if (!event) return c.text(IGNORED, 202);
    if (isStale(Number(event.timestamp), ctx.services.clock.now().getTime())) return c.text(REFUSED, 401);
    const key = event.issue?.key;
    const project = ctx.config.jira?.project;
    const statusChanged = event.changelog?.items?.some((item) => item.field === 'status') ?? false;
    if (
      event.webhookEvent !== 'jira:issue_updated' ||
      typeof key !== 'string' ||
      !project ||
      !key.startsWith(`${project}-`) ||
      !statusChanged
    ) {
      return c.text(IGNORED, 202);
    }
    const category = event.issue?.fields?.status?.statusCategory?.key;
    const deliveryId = c.req.header('x-atlassian-webhook-identifier') ?? fallbackId(event);
    const by = event.user?.displayName;
    const outcome = await syncTicketState(ctx, {
      system: 'jira',
      key,
      closed: category === 'done',
      ...(typeof by === 'string' ? { by } : {}),
      ...(deliveryId === undefined ? {} : { deliveryId }),
    });
    return c.text(`${outcome}\n`, outcome === 'changed' ? 200 : 202);
  });
}

/** Older Jira sends no delivery id header: the changelog id names the change as well. */
function fallbackId(event: IssueUpdated): string | undefined {
  const id = event.changelog?.id;
  return typeof id === 'string' || typeof id === 'number' ? `changelog-${id}` : undefined;
}
