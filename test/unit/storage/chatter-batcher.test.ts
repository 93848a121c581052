import { describe, expect, it } from 'vitest';
import type { IncidentEvent } from '../../../src/core/model/events.ts';
import { ChatterBatcher, type ChatterItem } from '../../../src/storage/redis/chatter-batcher.ts';

const event = (id: string): IncidentEvent => ({
  type: 'message_captured',
  messageId: id,
  text: id,
  occurredAt: '2025-11-20T10:00:00.000Z',
  at: '2025-11-20T10:00:00.000Z',
  actor: { id: 'a', name: 'a' },
  origin: { platform: 'console', workspace: 'local', channel: 'c' },
});
const message = (id: string): ChatterItem => ({ deliveryKey: '', event: event(id) });

describe('group commit of channel chatter', () => {
  it('writes messages that arrive during a write together, and tells each caller about its own', async () => {
    const writes: string[][] = [];
    const seen = new Set<string>();
    const batcher = new ChatterBatcher<string>(async (_log, items: ChatterItem[]) => {
      const events = items.map((item) => item.event);
      writes.push(events.map((e) => (e.type === 'message_captured' ? e.messageId : '')));
      await new Promise((resolve) => setTimeout(resolve, 5));
      return events.map((e) => {
        const id = e.type === 'message_captured' ? e.messageId : '';
        if (seen.has(id)) return 0;
        seen.add(id);
        return 1;
      });
    });
    const results = await Promise.all([
      batcher.append('log', 'log', [message('m1')]),
      batcher.append('log', 'log', [message('m2'), message('m3')]),
      batcher.append('log', 'log', [message('m1')]),
    ]);
    expect(results).toEqual([1, 2, 0]);
    expect(writes).toEqual([['m1'], ['m2', 'm3', 'm1']]);
  });

  it('fails every caller of a batch whose write failed, and recovers for the next', async () => {
    let fail = true;
    const batcher = new ChatterBatcher<string>(async (_log, items: ChatterItem[]) => {
      const events = items.map((item) => item.event);
      if (fail) throw new Error('redis down');
      return events.map(() => 1);
    });
    await expect(batcher.append('log', 'log', [message('m1')])).rejects.toThrow('redis down');
    fail = false;
    await expect(batcher.append('log', 'log', [message('m2')])).resolves.toBe(1);
  });
});
