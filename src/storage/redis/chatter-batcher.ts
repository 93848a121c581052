import type { IncidentEvent } from '../../core/model/events.ts';

/** One chatter event with the delivery it came from ('' for none, e.g. backfill). */
export interface ChatterItem {
  deliveryKey: string;
  event: IncidentEvent;
}

type Write<T> = (target: T, items: ChatterItem[]) => Promise<number[]>;

interface Pending {
  items: ChatterItem[];
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
export class ChatterBatcher<T> {
  private readonly queues = new Map<string, Pending[]>();

  constructor(private readonly write: Write<T>) {}

  /** `logKey` names the log; `target` is what `write` needs to reach it. */
  append(logKey: string, target: T, items: ChatterItem[]): Promise<number> {
    return new Promise((resolve, reject) => {
      const queue = this.queues.get(logKey);
      if (queue) {
        queue.push({ items, resolve, reject });
        return;
      }
      this.queues.set(logKey, [{ items, resolve, reject }]);
      void this.drain(logKey, target);
    });
  }

  private async drain(logKey: string, target: T): Promise<void> {
    for (;;) {
      const pending = this.queues.get(logKey);
      if (!pending || pending.length === 0) {
        this.queues.delete(logKey);
        return;
      }
      const batch = takeBatch(pending);
      try {
        const flags = await this.write(
          target,
          batch.flatMap((item) => item.items),
        );
        let offset = 0;
        for (const item of batch) {
          const mine = flags.slice(offset, offset + item.items.length);
          offset += item.items.length;
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
    (count === 0 || size + (pending[count]?.items.length ?? 0) <= MAX_BATCH_EVENTS)
  ) {
    size += pending[count]?.items.length ?? 0;
    count += 1;
  }
  return pending.splice(0, count);
}
