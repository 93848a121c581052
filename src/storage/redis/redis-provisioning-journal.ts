import type { IncidentRef } from '../../core/model/incident-ref.ts';
import type { IncidentSpace } from '../../ports/chat-platform.ts';
import type { ProvisioningJournal, ProvisioningRecord } from '../../ports/provisioning-journal.ts';
import type { RedisConnection } from './redis-connection.ts';
import type { RedisKeys } from './redis-keys.ts';

/**
 * The provisioning journal as one Redis hash per incident: `creating`, `space` (JSON), and a
 * `begun:<step>` / `done:<step>` field per step. Each write is one HSET, acknowledged before the
 * platform call it announces is made.
 */
export class RedisProvisioningJournal implements ProvisioningJournal {
  constructor(
    private readonly redis: RedisConnection,
    private readonly keys: RedisKeys,
  ) {}

  async read(ref: IncidentRef): Promise<ProvisioningRecord> {
    const fields = await this.redis.hgetall(this.keys.provisioning(ref));
    const record: ProvisioningRecord = { creating: fields.creating === '1', begun: [], done: [] };
    if (fields.space) record.space = JSON.parse(fields.space) as IncidentSpace;
    for (const field of Object.keys(fields)) {
      if (field.startsWith('begun:')) record.begun.push(field.slice('begun:'.length));
      if (field.startsWith('done:')) record.done.push(field.slice('done:'.length));
    }
    return record;
  }

  async markCreating(ref: IncidentRef): Promise<void> {
    await this.redis.hset(this.keys.provisioning(ref), 'creating', '1');
  }

  async recordSpace(ref: IncidentRef, space: IncidentSpace): Promise<void> {
    await this.redis.hset(this.keys.provisioning(ref), 'space', JSON.stringify(space));
  }

  async markBegun(ref: IncidentRef, step: string): Promise<void> {
    await this.redis.hset(this.keys.provisioning(ref), `begun:${step}`, '1');
  }

  async markDone(ref: IncidentRef, step: string): Promise<void> {
    await this.redis.hset(this.keys.provisioning(ref), `done:${step}`, '1');
  }
}
