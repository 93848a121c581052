import { type Goal, judge, type Verdict } from './goals.ts';
import { ratio } from './percentiles.ts';

/** What the runner hands every benchmark. */
export interface BenchContext {
  /** Tiny sizes, only to prove the benchmark still runs: its figures mean nothing. */
  quick: boolean;
  /** Progress for the person watching; not part of the results. */
  log(line: string): void;
}

/** One measured figure and the baseline it was measured against in the same run. */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  baseline: { name: string; value: number };
  /** value / baseline, after raising both to `ratioFloor` when one is set. */
  ratio: number;
  ratioFloor?: number;
  goal?: Goal;
  verdict?: Verdict;
  /** Which of value or ratio the goal is judged on, spelled out for the table. */
  note?: string;
}

export interface BenchmarkReport {
  figures: Figure[];
  /** Everything else worth keeping: curves, raw summaries, settings. Goes to results.json. */
  details: Record<string, unknown>;
}

export interface Benchmark {
  /** Kebab-case id, used by `--only` and in results.json. */
  name: string;
  title: string;
  run(context: BenchContext): Promise<BenchmarkReport>;
}

export function figure(input: {
  name: string;
  value: number;
  unit: string;
  baseline: { name: string; value: number };
  ratioFloor?: number;
  goal?: Goal;
  note?: string;
}): Figure {
  const value = ratio(input.value, input.baseline.value, input.ratioFloor ?? 0);
  const judged = input.goal
    ? {
        goal: input.goal,
        verdict: judge(input.goal, input.goal.on === 'ratio' ? value : input.value, input.unit),
      }
    : {};
  return {
    name: input.name,
    value: input.value,
    unit: input.unit,
    baseline: input.baseline,
    ratio: value,
    ...(input.ratioFloor === undefined ? {} : { ratioFloor: input.ratioFloor }),
    ...judged,
    ...(input.note === undefined ? {} : { note: input.note }),
  };
}
