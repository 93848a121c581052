import { createHmac, timingSafeEqual } from 'node:crypto';
import { HttpReceiver, type ReceivedRequest } from './http-receiver.ts';

/** The body tocsin's webhook pager POSTs (documented in src/paging/pagers/webhook-pager.ts). */
export interface WebhookBody {
  event: 'incident.page' | 'incident.escalate' | 'incident.acknowledge' | 'incident.resolve';
  incident: {
    id: string;
    number: number;
    title: string;
    severity: string;
    status: string;
    url: string | null;
  };
  target: { kind: string; id: string; user?: string; layer?: string; step?: number; round?: number };
  attempt: number;
  message?: string;
}

const EVENTS = new Set(['incident.page', 'incident.escalate', 'incident.acknowledge', 'incident.resolve']);

/**
 * A webhook endpoint as an integrator would write one: it checks X-Incident-Signature over
 * X-Tocsin-Timestamp and the raw body with the shared secret, and that the timestamp is recent
 * (401 when either fails), checks the body's shape (400), and
 * answers 200. It records the Idempotency-Key of each request so a test can see retries reuse it.
 */
export async function startWebhookReceiver(secret: string): Promise<HttpReceiver> {
  return HttpReceiver.start((request) => {
    if (request.method !== 'POST') return { status: 405, body: { error: 'POST only' } };
    if (!signatureValid(secret, request)) return { status: 401, body: { error: 'bad signature' } };
    if (typeof request.headers['idempotency-key'] !== 'string') {
      return { status: 400, body: { error: 'Idempotency-Key header missing' } };
    }
    const body = request.json as Partial<WebhookBody> | undefined;
    const incident = body?.incident;
    if (
      !body ||
      !EVENTS.has(String(body.event)) ||
      typeof body.attempt !== 'number' ||
      typeof body.target !== 'object' ||
      !incident ||
      typeof incident.id !== 'string' ||
      typeof incident.number !== 'number' ||
      typeof incident.title !== 'string' ||
      typeof incident.severity !== 'string' ||
      typeof incident.status !== 'string' ||
      !('url' in incident)
    ) {
      return { status: 400, body: { error: 'body does not have the documented shape' } };
    }
    return { status: 200, body: { ok: true } };
  });
}

/** How far X-Tocsin-Timestamp may be from the receiver's clock: a replay after that is refused. */
export const TIMESTAMP_TOLERANCE_S = 300;

/** The receiver's check as the README documents it: the MAC over "<timestamp>.<body>", then the time. */
export function signatureValid(secret: string, request: ReceivedRequest, nowMs = Date.now()): boolean {
  const header = request.headers['x-incident-signature'];
  const timestamp = request.headers['x-tocsin-timestamp'];
  if (typeof header !== 'string' || !header.startsWith('sha256=')) return false;
  if (typeof timestamp !== 'string' || !/^\d+$/.test(timestamp)) return false;
  const signed = `${timestamp}.${request.raw}`;
  const expected = Buffer.from(createHmac('sha256', secret).update(signed).digest('hex'));
  const given = Buffer.from(header.slice('sha256='.length));
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return false;
  return Math.abs(nowMs / 1000 - Number(timestamp)) <= TIMESTAMP_TOLERANCE_S;
}

export function webhookBody(request: ReceivedRequest): WebhookBody {
  return request.json as WebhookBody;
}

/** Requests the receiver accepted (2xx) for one event. */
export function accepted(receiver: HttpReceiver, event: WebhookBody['event']): ReceivedRequest[] {
  return receiver.requests.filter(
    (request) =>
      (request.status ?? 0) >= 200 && (request.status ?? 0) < 300 && webhookBody(request)?.event === event,
  );
}
