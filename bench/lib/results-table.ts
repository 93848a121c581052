import type { Figure } from './benchmark.ts';
import { round } from './goals.ts';

export interface TableRow {
  benchmark: string;
  figure: Figure;
}

/** The results as a Markdown table: printed after a run and pasted as is into the README. */
export function resultsTable(rows: readonly TableRow[]): string {
  const header = ['benchmark', 'figure', 'value', 'baseline', 'ratio', 'goal', 'result'];
  const body = rows.map(({ benchmark, figure }) => [
    benchmark,
    figure.name,
    withUnit(figure.value, figure.unit),
    `${withUnit(figure.baseline.value, figure.unit)} (${figure.baseline.name})`,
    `${round(figure.ratio)}×${figure.ratioFloor ? ` (floor ${withUnit(figure.ratioFloor, figure.unit)})` : ''}`,
    figure.goal?.text ?? '',
    verdictText(figure),
  ]);
  return [header, header.map(() => '---'), ...body].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

function withUnit(value: number, unit: string): string {
  return unit ? `${round(value)} ${unit}` : round(value);
}

function verdictText(figure: Figure): string {
  if (!figure.verdict) return figure.note ?? '';
  const text = figure.verdict.met ? 'met' : `**missed** by ${figure.verdict.missedBy}`;
  return figure.note ? `${text}; ${figure.note}` : text;
}
