import { randomUUID } from 'node:crypto';
import { type Answer, HttpReceiver } from './http-receiver.ts';

/**
 * Opsgenie's Alert API to the documented contract: `Authorization: GenieKey <key>`;
 * POST /v2/alerts (message required, ≤130 characters; alias ≤512; priority P1..P5);
 * POST /v2/alerts/{alias}/acknowledge|close?identifierType=alias. Requests are processed
 * asynchronously, so success is 202 {result: "Request will be processed", took, requestId}.
 * Keeps the alert of each alias so a test can read its status.
 */
export interface OpsgenieState {
  alerts: Map<
    string,
    { status: 'open' | 'acked' | 'closed'; message: string; priority: string; count: number }
  >;
}

export async function startOpsgenieReceiver(
  apiKey: string,
): Promise<HttpReceiver & { state: OpsgenieState }> {
  const state: OpsgenieState = { alerts: new Map() };
  const accepted = (): Answer => ({
    status: 202,
    body: { result: 'Request will be processed', took: 0.012, requestId: randomUUID() },
  });
  const receiver = await HttpReceiver.start((request) => {
    if (request.headers.authorization !== `GenieKey ${apiKey}`) {
      return {
        status: 401,
        body: { message: 'Could not authenticate', took: 0.001, requestId: randomUUID() },
      };
    }
    if (request.method !== 'POST') return { status: 405, body: { message: 'Method not allowed' } };
    const body = (request.json ?? {}) as Record<string, unknown>;
    if (request.path === '/v2/alerts') {
      const message = body.message;
      if (typeof message !== 'string' || message.length === 0 || message.length > 130) {
        return unprocessable({ message: 'Message can not be empty and must be at most 130 characters.' });
      }
      const alias = typeof body.alias === 'string' ? body.alias : randomUUID();
      if (alias.length > 512) return unprocessable({ alias: 'Alias can be at most 512 characters.' });
      const priority = typeof body.priority === 'string' ? body.priority : 'P3';
      if (!/^P[1-5]$/.test(priority)) return unprocessable({ priority: 'Priority should be one of P1..P5.' });
      const open = state.alerts.get(alias);
      // Same alias while open: Opsgenie deduplicates into the existing alert.
      if (open && open.status !== 'closed') open.count += 1;
      else state.alerts.set(alias, { status: 'open', message, priority, count: 1 });
      return accepted();
    }
    const action = /^\/v2\/alerts\/([^/]+)\/(acknowledge|close)$/.exec(request.path);
    if (action && request.query.get('identifierType') === 'alias') {
      const alert = state.alerts.get(decodeURIComponent(action[1] ?? ''));
      if (alert) alert.status = action[2] === 'close' ? 'closed' : 'acked';
      return accepted();
    }
    return { status: 404, body: { message: 'Not found', took: 0.001, requestId: randomUUID() } };
  });
  return Object.assign(receiver, { state });
}

function unprocessable(errors: Record<string, string>): Answer {
  return {
    status: 422,
    body: {
      message: 'Request body is not processable. Please check the errors.',
      errors,
      took: 0.002,
      requestId: randomUUID(),
    },
  };
}
