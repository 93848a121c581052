import type { TicketRef } from '../core/model/events.ts';
import { type IncidentRef, incidentKey, parseIncidentKey } from '../core/model/incident-ref.ts';
import type { RedisConnection } from '../storage/redis/redis-connection.ts';

/** The action item a ticket belongs to. */
export interface LinkedItem {
  ref: IncidentRef;
  itemId: string;
  ticket: TicketRef;
}

/**
 * Ticket -> action item, for webhooks and the poll, which know only the ticket. Written by a
 * reaction to `follow_up_exported`, so it can always be rebuilt from the logs; the log stays the truth.
 */
export class TicketIndex {
  private readonly key: string;

  constructor(
    private readonly redis: RedisConnection,
    prefix: string,
  ) {
    this.key = `${prefix}:follow-ups:tickets`;
  }

  async link(ref: IncidentRef, itemId: string, ticket: TicketRef): Promise<void> {
    const value = JSON.stringify({ incident: incidentKey(ref), itemId, url: ticket.url });
    await this.redis.hset(this.key, fieldOf(ticket.system, ticket.key), value);
  }

  async find(system: TicketRef['system'], key: string): Promise<LinkedItem | undefined> {
    const value = await this.redis.hget(this.key, fieldOf(system, key));
    return value === null ? undefined : parse(system, key, value);
  }

  async all(): Promise<LinkedItem[]> {
    const entries = await this.redis.hgetall(this.key);
    return Object.entries(entries).flatMap(([field, value]) => {
      const split = field.indexOf('|');
      const system = field.slice(0, split) as TicketRef['system'];
      const linked = parse(system, field.slice(split + 1), value);
      return linked ? [linked] : [];
    });
  }
}

/** GitHub issue keys are case-insensitive in owner/name; Jira keys are upper case. */
function fieldOf(system: TicketRef['system'], key: string): string {
  return `${system}|${system === 'github' ? key.toLowerCase() : key.toUpperCase()}`;
}

function parse(system: TicketRef['system'], key: string, value: string): LinkedItem | undefined {
  const { incident, itemId, url } = JSON.parse(value) as { incident: string; itemId: string; url: string };
  const ref = parseIncidentKey(incident);
  return ref ? { ref, itemId, ticket: { system, key, url } } : undefined;
}
