import type { Pager, PagerDelivery } from '../../ports/pager.ts';
import type { Redactor } from '../../redaction/redact-secrets.ts';

/**
 * Every pager's exit, redacted in one place: what a delivery carries as free text (the incident's
 * title and channel name, the message typed with a page, an acknowledger's name) leaves tocsin for
 * PagerDuty, Opsgenie, webhooks and DMs, so a secret pasted into any of them must not go along.
 */
export function redactingPager(pager: Pager, redactor: Redactor): Pager {
  return {
    id: pager.id,
    type: pager.type,
    send: (delivery) => pager.send(redactDelivery(delivery, redactor)),
  };
}

export function redactDelivery(delivery: PagerDelivery, redactor: Redactor): PagerDelivery {
  const { incident, message, actor } = delivery;
  return {
    ...delivery,
    incident: {
      ...incident,
      title: redactor.redact(incident.title),
      ...(incident.channel
        ? { channel: { ...incident.channel, name: redactor.redact(incident.channel.name) } }
        : {}),
    },
    ...(message === undefined ? {} : { message: redactor.redact(message) }),
    ...(actor === undefined ? {} : { actor: { ...actor, name: redactor.redact(actor.name) } }),
  };
}
