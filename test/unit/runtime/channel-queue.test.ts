import { describe, expect, it } from 'vitest';
import { ChannelQueue } from '../../../adapters/runtime/channel-queue.ts';

describe('commands of one channel', () => {
  it('run one after another, in the order they arrived', async () => {
    const serial = new ChannelQueue();
    const order: string[] = [];
    const task = (name: string, ticks: number) => async () => {
      order.push(`start ${name}`);
      for (let i = 0; i < ticks; i++) await Promise.resolve();
      order.push(`end ${name}`);
    };
    await Promise.all([
      serial.run('C1', task('a', 5)),
      serial.run('C1', task('b', 1)),
      serial.run('C1', task('c', 0)),
    ]);
    expect(order).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  });

  it('do not hold up another channel', async () => {
    const serial = new ChannelQueue();
    let release!: () => void;
    const blocked = serial.run('C1', () => new Promise<void>((resolve) => (release = resolve)));
    await expect(serial.run('C2', async () => 'C2 ran')).resolves.toBe('C2 ran');
    release();
    await blocked;
  });

  it('go ahead after the wait limit when an earlier one hangs', async () => {
    const serial = new ChannelQueue(10);
    void serial.run('C1', () => new Promise<void>(() => {}));
    await expect(serial.run('C1', async () => 'ran anyway')).resolves.toBe('ran anyway');
  });

  it('stay in order behind a long queue of quick ones: the wait limit is for one that hangs, not for queueing', async () => {
    // A burst acked faster than it is processed queues for longer than the limit; letting the
    // queued ones all go at once made them race for the incident's revision (and fail).
    const serial = new ChannelQueue(20);
    let running = 0;
    let most = 0;
    const quick = () =>
      serial.run('C1', async () => {
        running += 1;
        most = Math.max(most, running);
        await new Promise((resolve) => setTimeout(resolve, 5));
        running -= 1;
      });
    await Promise.all(Array.from({ length: 20 }, quick));
    expect(most).toBe(1);
  });

  it('pass failures to their caller without stopping the queue', async () => {
    const serial = new ChannelQueue();
    const failing = serial.run('C1', async () => {
      throw new Error('boom');
    });
    await expect(failing).rejects.toThrow('boom');
    await expect(serial.run('C1', async () => 'next')).resolves.toBe('next');
  });
});

describe('commands of one channel without a wait limit', () => {
  it('wait for an earlier one however long it takes', async () => {
    const queue = new ChannelQueue();
    let release!: () => void;
    const order: string[] = [];
    const first = queue.run('C1', async () => {
      await new Promise<void>((resolve) => (release = resolve));
      order.push('first');
    });
    const second = queue.run('C1', async () => void order.push('second'));
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(order).toEqual([]);
    release();
    await Promise.all([first, second]);
    expect(order).toEqual(['first', 'second']);
  });
});
