/**
 * A goal from issue #8, stated once and judged mechanically, so a figure cannot be talked into
 * passing. `on` says whether the goal is about the ratio to the baseline or the raw value.
 */
export interface Goal {
  on: 'ratio' | 'value';
  op: '>=' | '<=' | '<';
  target: number;
  /** The goal in the words, e.g. "≥ 0.5× raw XADD". */
  text: string;
}

export interface Verdict {
  met: boolean;
  /** How far off a missed goal is, in the goal's own terms; empty when met. */
  missedBy: string;
}

export function judge(goal: Goal, achieved: number, unit: string): Verdict {
  const met =
    goal.op === '>='
      ? achieved >= goal.target
      : goal.op === '<='
        ? achieved <= goal.target
        : achieved < goal.target;
  if (met) return { met, missedBy: '' };
  const gap = Math.abs(achieved - goal.target);
  const relative =
    goal.target === 0
      ? ''
      : ` (${Math.round((gap / Math.abs(goal.target)) * 100)}% ${goal.op === '>=' ? 'short' : 'over'})`;
  const amount = goal.on === 'ratio' ? `${round(gap)}×` : `${round(gap)} ${unit}`;
  return { met, missedBy: `${amount}${relative}` };
}

/** Three significant digits: enough to compare, few enough to read. */
export function round(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  if (magnitude >= 100) return String(Math.round(value));
  return String(Number(value.toPrecision(3)));
}
