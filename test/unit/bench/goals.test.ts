import { describe, expect, it } from 'vitest';
import { figure } from '../../../bench/lib/benchmark.ts';
import { type Goal, judge } from '../../../bench/lib/goals.ts';
import { resultsTable } from '../../../bench/lib/results-table.ts';

const atLeastHalf: Goal = { on: 'ratio', op: '>=', target: 0.5, text: '≥ 0.5× raw' };
const underTwoSeconds: Goal = { on: 'value', op: '<', target: 2000, text: '< 2 s' };

describe('benchmark goals', () => {
  it('says how far short a missed ratio goal is, in × and per cent', () => {
    expect(judge(atLeastHalf, 0.4, 'msg/s')).toEqual({ met: false, missedBy: '0.1× (20% short)' });
  });

  it('says how far over a missed limit is, in the figure’s unit', () => {
    expect(judge(underTwoSeconds, 2329, 'ms')).toEqual({ met: false, missedBy: '329 ms (16% over)' });
  });

  it('counts a value equal to a strict limit as missed, and equal to an inclusive one as met', () => {
    expect(judge(underTwoSeconds, 2000, 'ms').met).toBe(false);
    expect(judge({ ...underTwoSeconds, op: '<=' }, 2000, 'ms').met).toBe(true);
  });

  it('judges a ratio goal on the ratio and a value goal on the value', () => {
    const fast = figure({
      name: 'capture',
      value: 30_000,
      unit: 'msg/s',
      baseline: { name: 'raw', value: 50_000 },
      goal: atLeastHalf,
    });
    expect(fast.ratio).toBe(0.6);
    expect(fast.verdict?.met).toBe(true);
    const slow = figure({
      name: 'draft',
      value: 2500,
      unit: 'ms',
      baseline: { name: 'read', value: 500 },
      goal: underTwoSeconds,
    });
    expect(slow.verdict).toEqual({ met: false, missedBy: '500 ms (25% over)' });
  });

  it('prints a missed goal in the table with the amount it was missed by', () => {
    const table = resultsTable([
      {
        benchmark: 'postmortem-scaling',
        figure: figure({
          name: 'time at 100k messages',
          value: 2500,
          unit: 'ms',
          baseline: { name: 'read the log only', value: 1000 },
          goal: underTwoSeconds,
        }),
      },
    ]);
    expect(table.split('\n')).toEqual([
      '| benchmark | figure | value | baseline | ratio | goal | result |',
      '| --- | --- | --- | --- | --- | --- | --- |',
      '| postmortem-scaling | time at 100k messages | 2500 ms | 1000 ms (read the log only) | 2.5× | < 2 s | **missed** by 500 ms (25% over) |',
    ]);
  });
});
