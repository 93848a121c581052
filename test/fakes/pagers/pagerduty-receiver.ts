import { HttpReceiver, type ReceivedRequest } from './http-receiver.ts';

/**
 * PagerDuty's Events API v2 (POST /v2/enqueue), to the documented contract: a 32-character
 * routing_key, event_action trigger|acknowledge|resolve, dedup_key (required to acknowledge or
 * resolve, at most 255 characters), and for a trigger a payload with summary (≤1024), source and
 * severity critical|error|warning|info. Valid events get 202 {status: "success", message: "Event
 * processed", dedup_key}; invalid ones 400 {status: "invalid event", message, errors}.
 */
export interface PagerdutyEvent {
  routing_key: string;
  event_action: 'trigger' | 'acknowledge' | 'resolve';
  dedup_key?: string;
  payload?: {
    summary: string;
    source: string;
    severity: string;
    timestamp?: string;
    custom_details?: unknown;
  };
  client?: string;
  client_url?: string;
}

const SEVERITIES = new Set(['critical', 'error', 'warning', 'info']);

export async function startPagerdutyReceiver(): Promise<HttpReceiver> {
  return HttpReceiver.start((request) => {
    if (request.method !== 'POST' || request.path !== '/v2/enqueue')
      return { status: 404, body: { error: 'not found' } };
    const errors = problemsOf(request.json as Partial<PagerdutyEvent> | undefined);
    if (errors.length > 0)
      return { status: 400, body: { status: 'invalid event', message: 'Event object is invalid', errors } };
    const event = request.json as PagerdutyEvent;
    return {
      status: 202,
      body: { status: 'success', message: 'Event processed', dedup_key: event.dedup_key ?? 'generated' },
    };
  });
}

function problemsOf(event: Partial<PagerdutyEvent> | undefined): string[] {
  if (!event || typeof event !== 'object') return ['Event object is not JSON'];
  const errors: string[] = [];
  if (typeof event.routing_key !== 'string' || event.routing_key.length !== 32) {
    errors.push("Length of 'routing_key' is incorrect (should be 32 characters)");
  }
  if (!['trigger', 'acknowledge', 'resolve'].includes(String(event.event_action))) {
    errors.push(
      "'event_action' is invalid (must be one of the following: 'trigger', 'acknowledge' or 'resolve')",
    );
  }
  if (
    event.dedup_key !== undefined &&
    (typeof event.dedup_key !== 'string' || event.dedup_key.length > 255)
  ) {
    errors.push("'dedup_key' is invalid (must be a string of at most 255 characters)");
  }
  if (event.event_action !== 'trigger' && !event.dedup_key) errors.push("'dedup_key' is missing or blank");
  if (event.event_action === 'trigger') {
    const payload = event.payload;
    if (!payload) errors.push("'payload' is missing or blank");
    else {
      if (!payload.summary || payload.summary.length > 1024)
        errors.push("'payload.summary' is missing or too long");
      if (!payload.source) errors.push("'payload.source' is missing or blank");
      if (!SEVERITIES.has(payload.severity)) errors.push("'payload.severity' is invalid");
    }
  }
  return errors;
}

export function pagerdutyEvents(receiver: HttpReceiver): PagerdutyEvent[] {
  return receiver.requests
    .filter((request) => request.answered)
    .map((request: ReceivedRequest) => request.json as PagerdutyEvent);
}
