import type { IncidentEvent } from '../../core/model/events.ts';

type Write = (logKey: string, seenKey: string, events: IncidentEvent[]) => Promise<number[]>;

interface Pending {
  events: IncidentEvent[];
  resolve: (written: number) => void;
  reject: (error: unknown) => void;
}

const MAX_BATCH_EVENTS = 500;

/**
 * Group commit for channel chatter: while one write to an incident's log is on its way, messages
 * that arrive for the same log wait and go together in the next script call. A message storm then
 * costs a few round trips instead of one per message, and each caller still learns only once its
 * own messages are stored.
 */
export class ChatterBatcher {
  private readonly queues = new Map<string, { seenKey: string; pending: Pending[] }>();

  constructor(private readonly write: Write) {}

  append(logKey: string, seenKey: string, events: IncidentEvent[]): Promise<number> {
    return new Promise((resolve, reject) => {
      const queue = this.queues.get(logKey);
      if (queue) {
        queue.pending.push({ events, resolve, reject });
        return;
      }
      this.queues.set(logKey, { seenKey, pending: [{ events, resolve, reject }] });
      void this.drain(logKey);
    });
  }

  private async drain(logKey: string): Promise<void> {
    for (;;) {
      const queue = this.queues.get(logKey);
      if (!queue || queue.pending.length === 0) {
        this.queues.delete(logKey);
        return;
      }
      const batch = takeBatch(queue.pending);
      try {
        const flags = await this.write(
          logKey,
          queue.seenKey,
          batch.flatMap((item) => item.events),
        );
        let offset = 0;
        for (const item of batch) {
          const mine = flags.slice(offset, offset + item.events.length);
          offset += item.events.length;
          item.resolve(mine.reduce((sum, flag) => sum + flag, 0));
        }
      } catch (error) {
        for (const item of batch) item.reject(error);
      }
    }
  }
}

function takeBatch(pending: Pending[]): Pending[] {
  let size = 0;
  let count = 0;
  while (
    count < pending.length &&
    (count === 0 || size + (pending[count]?.events.length ?? 0) <= MAX_BATCH_EVENTS)
  ) {
    size += pending[count]?.events.length ?? 0;
    count += 1;
  }
  return pending.splice(0, count);
}
