import { excerpt, isRetryableStatus, retryAfterMs } from '../follow-ups/ticket-client.ts';
import type { StatuspageConfig } from './status-page-config.ts';

/** A failed Statuspage call: no request inside (its Authorization header is the API key). */
export class StatuspageError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly status?: number,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'StatuspageError';
  }
}

export interface StatuspageIncidentBody {
  name?: string;
  status: 'investigating' | 'identified' | 'monitoring' | 'resolved';
  body: string;
  impact_override?: 'none' | 'minor' | 'major' | 'critical';
  components?: Record<string, string>;
  component_ids?: string[];
  deliver_notifications?: boolean;
}

const TIMEOUT_MS = 10_000;

/**
 * Statuspage's REST API v1 (there is no maintained Node client): create an incident, then update
 * it. Redirects are not followed, so a moved endpoint is fixed in the config, not silently.
 */
export class StatuspageClient {
  constructor(private readonly config: StatuspageConfig) {}

  async create(incident: StatuspageIncidentBody): Promise<{ id: string; shortlink?: string }> {
    return this.send('POST', `/pages/${this.config.page_id}/incidents`, incident);
  }

  async update(id: string, incident: StatuspageIncidentBody): Promise<{ id: string; shortlink?: string }> {
    return this.send('PATCH', `/pages/${this.config.page_id}/incidents/${encodeURIComponent(id)}`, incident);
  }

  private async send(method: string, path: string, incident: StatuspageIncidentBody) {
    let response: Response;
    let text: string;
    try {
      response = await fetch(`${this.config.api_url}${path}`, {
        method,
        headers: {
          authorization: `OAuth ${this.config.api_key}`,
          'content-type': 'application/json',
          'user-agent': 'tocsin',
        },
        body: JSON.stringify({ incident }),
        redirect: 'manual',
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      text = await response.text();
    } catch {
      throw new StatuspageError('Statuspage could not be reached', true);
    }
    if (response.status >= 200 && response.status < 300) {
      const body = JSON.parse(text) as { id?: unknown; shortlink?: unknown };
      if (typeof body.id !== 'string')
        throw new StatuspageError('Statuspage answered without an incident id', true);
      return { id: body.id, ...(typeof body.shortlink === 'string' ? { shortlink: body.shortlink } : {}) };
    }
    const wait = retryAfterMs(response.headers.get('retry-after') ?? undefined);
    throw new StatuspageError(
      `Statuspage answered HTTP ${response.status}${excerpt(text)}`,
      isRetryableStatus(response.status),
      response.status,
      wait,
    );
  }
}
