import type { Severity } from '../../core/model/severity.ts';
import type { Pager, PagerAction, PagerDelivery } from '../../ports/pager.ts';
import type { PagerdutyPagerConfig } from '../pager-config.ts';
import { incidentHeadline, pagerIncident } from './pager-incident.ts';
import { postJson } from './post-json.ts';

/** Events API v2 knows four severities; ours map onto them in order. */
export const PAGERDUTY_SEVERITY: Record<Severity, 'critical' | 'error' | 'warning' | 'info'> = {
  SEV1: 'critical',
  SEV2: 'error',
  SEV3: 'warning',
  SEV4: 'info',
};

const EVENT_ACTION: Record<PagerAction, 'trigger' | 'acknowledge' | 'resolve'> = {
  page: 'trigger',
  // A second trigger with the same dedup_key lands on the open alert, where PagerDuty's own
  // escalation policy takes it from there.
  escalate: 'trigger',
  acknowledge: 'acknowledge',
  resolve: 'resolve',
};

/** PagerDuty Events API v2: trigger, acknowledge and resolve one alert per incident (dedup_key). */
export class PagerdutyPager implements Pager {
  readonly type = 'pagerduty';
  readonly id: string;

  constructor(
    private readonly config: PagerdutyPagerConfig,
    private readonly eventsUrl: string,
  ) {
    this.id = config.id;
  }

  async send(delivery: PagerDelivery): Promise<void> {
    const incident = pagerIncident(delivery.incident);
    const eventAction = EVENT_ACTION[delivery.action];
    const event: Record<string, unknown> = {
      routing_key: this.config.routingKey,
      event_action: eventAction,
      dedup_key: incident.id,
    };
    if (eventAction === 'trigger') {
      const step = delivery.target.step ?? 0;
      event.payload = {
        summary:
          `${incidentHeadline(delivery.incident)}${step > 0 ? ` (escalation step ${step})` : ''}`.slice(
            0,
            1024,
          ),
        source: 'tocsin',
        severity: PAGERDUTY_SEVERITY[delivery.incident.severity],
        timestamp: delivery.incident.declaredAt,
        custom_details: {
          incident: incident.id,
          status: incident.status,
          step,
          ...(delivery.message === undefined ? {} : { message: delivery.message }),
        },
      };
      event.client = 'tocsin';
      if (incident.url) {
        event.client_url = incident.url;
        event.links = [{ href: incident.url, text: 'Incident channel' }];
      }
    }
    await postJson({
      pager: this.id,
      receiver: `PagerDuty (${this.id})`,
      url: this.eventsUrl,
      body: JSON.stringify(event),
      timeoutMs: this.config.timeoutMs,
    });
  }
}
