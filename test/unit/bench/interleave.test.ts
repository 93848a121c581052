import { describe, expect, it } from 'vitest';
import { interleave, interleaveOrder } from '../../../bench/lib/interleave.ts';

describe('interleaving the sides of a benchmark', () => {
  it('runs the sides A B A B, round by round, so drift hits both alike', async () => {
    const ran: string[] = [];
    await interleave(3, {
      core: async () => ran.push('core'),
      raw: async () => ran.push('raw'),
    });
    expect(ran).toEqual(['core', 'raw', 'core', 'raw', 'core', 'raw']);
  });

  it('returns each side’s results in round order', async () => {
    let n = 0;
    const results = await interleave(2, { a: async () => n++, b: async () => n++, c: async () => n++ });
    expect(results).toEqual({ a: [0, 3], b: [1, 4], c: [2, 5] });
  });

  it('never starts a side before the previous one finished', async () => {
    let running = 0;
    let overlapped = false;
    const side = async () => {
      running++;
      if (running > 1) overlapped = true;
      await new Promise((resolve) => setImmediate(resolve));
      running--;
    };
    await interleave(2, { a: side, b: side });
    expect(overlapped).toBe(false);
  });

  it('lists the order as [round, side] pairs', () => {
    expect(interleaveOrder(2, ['x', 'y'])).toEqual([
      [0, 'x'],
      [0, 'y'],
      [1, 'x'],
      [1, 'y'],
    ]);
  });

  it('refuses zero or fractional rounds', async () => {
    await expect(interleave(0, { a: async () => 1 })).rejects.toThrow(RangeError);
    await expect(interleave(1.5, { a: async () => 1 })).rejects.toThrow(RangeError);
  });
});
