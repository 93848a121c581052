import { incidentKey } from '../../core/model/incident-ref.ts';
import type { IncidentState } from '../../core/model/incident-state.ts';
import type { IncidentStore } from '../../ports/incident-store.ts';
import type { RedisConnection } from './redis-connection.ts';

/**
 * The severity of every open incident, one hash field per incident, so a scrape counts open
 * incidents with one HVALS instead of folding every incident's log. A field is written from the
 * incident's current state (not from one event), so writing it twice, late or out of order
 * leaves the same answer: replicas and retried reactions cannot make it drift.
 */
export class OpenSeverityIndex {
  constructor(
    private readonly redis: RedisConnection,
    private readonly key: string,
  ) {}

  async record(state: IncidentState): Promise<void> {
    const field = incidentKey(state.ref);
    if (state.status === 'resolved') await this.redis.hdel(this.key, field);
    else await this.redis.hset(this.key, field, state.severity);
  }

  async countBySeverity(): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    for (const severity of await this.redis.hvals(this.key)) {
      counts.set(severity, (counts.get(severity) ?? 0) + 1);
    }
    return counts;
  }

  /**
   * Fills the index from the store once per Redis (the first start after an upgrade, whose open
   * incidents predate it); the marker makes every later start skip it.
   */
  async buildOnce(store: Pick<IncidentStore, 'workspaces' | 'openIncidents' | 'state'>): Promise<boolean> {
    const first = await this.redis.set(`${this.key}:built`, '1', 'NX');
    if (first !== 'OK') return false;
    for (const workspace of await store.workspaces()) {
      for (const ref of await store.openIncidents(workspace)) {
        const state = await store.state(ref);
        if (state) await this.record(state);
      }
    }
    return true;
  }
}
