import type { Severity } from '../../core/model/severity.ts';
import type { Pager, PagerDelivery } from '../../ports/pager.ts';
import type { OpsgeniePagerConfig } from '../pager-config.ts';
import { incidentHeadline, pagerIncident } from './pager-incident.ts';
import { postJson } from './post-json.ts';

const PRIORITY: Record<Severity, string> = { SEV1: 'P1', SEV2: 'P2', SEV3: 'P3', SEV4: 'P4' };

/**
 * Opsgenie Alert API: create, acknowledge and close one alert per incident (alias = incident key).
 * Opsgenie is retired in 2027, so this stays as small as the API allows.
 */
export class OpsgeniePager implements Pager {
  readonly type = 'opsgenie';
  readonly id: string;

  constructor(
    private readonly config: OpsgeniePagerConfig,
    private readonly apiUrl: string,
  ) {
    this.id = config.id;
  }

  async send(delivery: PagerDelivery): Promise<void> {
    const alias = pagerIncident(delivery.incident).id;
    const base = this.apiUrl.replace(/\/+$/, '');
    const byAlias = `${base}/v2/alerts/${encodeURIComponent(alias)}`;
    const { url, body } =
      delivery.action === 'acknowledge'
        ? { url: `${byAlias}/acknowledge?identifierType=alias`, body: this.note(delivery) }
        : delivery.action === 'resolve'
          ? { url: `${byAlias}/close?identifierType=alias`, body: this.note(delivery) }
          : { url: `${base}/v2/alerts`, body: this.alert(delivery, alias) };
    await postJson({
      pager: this.id,
      receiver: `Opsgenie (${this.id})`,
      url,
      body: JSON.stringify(body),
      timeoutMs: this.config.timeoutMs,
      headers: { authorization: `GenieKey ${this.config.apiKey}` },
    });
  }

  private alert(delivery: PagerDelivery, alias: string): Record<string, unknown> {
    const step = delivery.target.step ?? 0;
    return {
      // Opsgenie truncates nothing: a message over 130 characters is rejected.
      message: incidentHeadline(delivery.incident).slice(0, 130),
      alias,
      description: [
        step > 0 ? `Escalation step ${step}: still unacknowledged.` : 'Paged by tocsin.',
        delivery.message ?? '',
        delivery.incident.channel?.url ?? '',
      ]
        .filter(Boolean)
        .join('\n'),
      priority: PRIORITY[delivery.incident.severity],
      source: 'tocsin',
      tags: ['tocsin', delivery.incident.severity],
    };
  }

  private note(delivery: PagerDelivery): Record<string, unknown> {
    const by = delivery.actor ? ` by ${delivery.actor.name}` : '';
    return {
      source: 'tocsin',
      note: delivery.action === 'acknowledge' ? `Acknowledged in chat${by}.` : `Resolved in chat${by}.`,
      ...(delivery.actor ? { user: delivery.actor.name } : {}),
    };
  }
}
