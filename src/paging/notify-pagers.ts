import type { Actor, EventOf } from '../core/model/events.ts';
import type { IncidentRef } from '../core/model/incident-ref.ts';
import type { PagerAction } from '../ports/pager.ts';
import { type DeliveryJob, pageDelivery } from './delivery-job.ts';
import { CHAT_PAGER_ID } from './pager-config.ts';

/**
 * The deliveries that tell pagers about an ack or a resolve: one per external pager that was
 * paged (PagerDuty and Opsgenie close one alert per incident), and one DM per person paged in chat.
 * `prefix` names the ack or resolve, so a second ack later is a second, separate notification.
 */
export function notificationsFor(
  ref: IncidentRef,
  pages: readonly EventOf<'paged'>[],
  action: Extract<PagerAction, 'acknowledge' | 'resolve'>,
  prefix: string,
  actor?: Actor,
): DeliveryJob[] {
  const jobs = new Map<string, DeliveryJob>();
  for (const page of pages) {
    const { pager, target } = pageDelivery(ref, page);
    const chat = pager === CHAT_PAGER_ID;
    if (chat && !target.user) continue;
    const key = chat ? `${CHAT_PAGER_ID}-${target.user}` : pager;
    if (jobs.has(key)) continue;
    jobs.set(key, {
      ref,
      deliveryId: `${prefix}-${key}`,
      pager,
      action,
      target: chat
        ? { kind: 'user', id: target.user ?? '', user: target.user ?? '' }
        : { kind: 'pager', id: pager },
      ...(actor === undefined ? {} : { actor }),
    });
  }
  return [...jobs.values()];
}
