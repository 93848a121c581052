import { type IncidentRef, incidentKey, parseIncidentKey } from '../core/model/incident-ref.ts';
import type { RedisConnection } from '../storage/redis/redis-connection.ts';

/** How many incidents the public endpoints list (Statuspage's incidents.json shows the last 50). */
export const PUBLIC_INCIDENT_LIMIT = 50;

/**
 * The incidents with something published, newest first: which logs the public views fold. Kept
 * by a reaction to `status_published`, so it can be rebuilt from the logs at any time.
 */
export class PublicStatusIndex {
  private readonly key: string;

  constructor(
    private readonly redis: RedisConnection,
    prefix: string,
  ) {
    this.key = `${prefix}:status-page:published`;
  }

  async add(ref: IncidentRef, firstPublishedAt: string): Promise<void> {
    await this.redis.zadd(this.key, 'NX', Date.parse(firstPublishedAt), incidentKey(ref));
  }

  async latest(limit = PUBLIC_INCIDENT_LIMIT): Promise<IncidentRef[]> {
    const keys = await this.redis.zrevrange(this.key, 0, limit - 1);
    return keys.flatMap((key) => {
      const ref = parseIncidentKey(key);
      return ref ? [ref] : [];
    });
  }
}
