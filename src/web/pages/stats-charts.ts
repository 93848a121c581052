import type { IncidentState } from '../../core/model/incident-state.ts';
import { SEVERITIES } from '../../core/model/severity.ts';
import { responseStats } from '../../core/stats/response-stats.ts';
import { formatDuration } from '../../core/time/format-time.ts';

export const STATS_WINDOWS = [30, 90, 365] as const;
const DAY_MS = 24 * 3600 * 1000;
const WEEK_MS = 7 * DAY_MS;

/** One bar of a server-rendered SVG chart, already placed. */
export interface Bar {
  x: number;
  y: number;
  width: number;
  height: number;
  severity: string;
  /** What a screen reader and a hover say. */
  label: string;
}

export interface Chart {
  title: string;
  width: number;
  height: number;
  bars: Bar[];
  xLabels: { x: number; text: string }[];
  yLabels: { y: number; text: string }[];
  /** The same figures as a table, for whoever cannot see the chart. */
  table: { heading: string; cells: string[] }[];
  columns: readonly string[];
}

export interface StatsView {
  days: number;
  windows: readonly number[];
  count: Chart;
  mtta: Chart;
  mttr: Chart;
}

const WIDTH = 880;
const HEIGHT = 240;
const LEFT = 56;
const BOTTOM = 28;

/** Count, MTTA and MTTR by severity, per week of the window, from the same stats as `/incident stats`. */
export function statsView(states: readonly IncidentState[], now: Date, days: number): StatsView {
  const since = now.getTime() - days * DAY_MS;
  const weeks: { start: Date; end: Date }[] = [];
  for (let start = since; start < now.getTime(); start += WEEK_MS) {
    weeks.push({ start: new Date(start), end: new Date(Math.min(start + WEEK_MS, now.getTime() + 1)) });
  }
  const perWeek = weeks.map((week) => ({
    label: week.start.toISOString().slice(5, 10),
    rows: responseStats(states, week.start, week.end),
  }));
  const whole = responseStats(states, new Date(since), new Date(now.getTime() + 1));
  const count = barChart(
    `Incidents by severity, last ${days} days`,
    [
      {
        label: `last ${days} days`,
        values: SEVERITIES.map((s) => whole.find((r) => r.severity === s)?.count),
      },
    ],
    (value) => String(value),
  );
  const weekly = (pick: 'mttaMs' | 'mttrMs', title: string) =>
    barChart(
      title,
      perWeek.map((week) => ({
        label: week.label,
        values: SEVERITIES.map((s) => week.rows.find((r) => r.severity === s)?.[pick]),
      })),
      formatDuration,
    );
  return {
    days,
    windows: STATS_WINDOWS,
    count,
    mtta: weekly('mttaMs', `MTTA by severity per week (declared to first acknowledgement)`),
    mttr: weekly('mttrMs', `MTTR by severity per week (declared to resolved)`),
  };
}

/** Groups of bars (one group per label, one bar per severity), scaled to the largest value. */
function barChart(
  title: string,
  groups: { label: string; values: (number | undefined)[] }[],
  format: (value: number) => string,
): Chart {
  const max = Math.max(1, ...groups.flatMap((group) => group.values.map((value) => value ?? 0)));
  const plotWidth = WIDTH - LEFT;
  const plotHeight = HEIGHT - BOTTOM;
  const groupWidth = plotWidth / Math.max(1, groups.length);
  const barWidth = Math.max(1, (groupWidth * 0.8) / SEVERITIES.length);
  const bars: Bar[] = [];
  groups.forEach((group, g) => {
    group.values.forEach((value, s) => {
      if (value === undefined || value === 0) return;
      const height = (value / max) * (plotHeight - 8);
      bars.push({
        x: round(LEFT + g * groupWidth + groupWidth * 0.1 + s * barWidth),
        y: round(plotHeight - height),
        width: round(barWidth),
        height: round(height),
        severity: SEVERITIES[s] ?? '',
        label: `${group.label}, ${SEVERITIES[s]}: ${format(value)}`,
      });
    });
  });
  const labelEvery = Math.max(1, Math.ceil(groups.length / 13));
  return {
    title,
    width: WIDTH,
    height: HEIGHT,
    bars,
    xLabels: groups.flatMap((group, g) =>
      g % labelEvery === 0 ? [{ x: round(LEFT + g * groupWidth + groupWidth / 2), text: group.label }] : [],
    ),
    yLabels: [0, 0.5, 1].map((share) => ({
      y: round(plotHeight - share * (plotHeight - 8)),
      text: share === 0 ? '0' : format(max * share),
    })),
    columns: SEVERITIES,
    table: groups.map((group) => ({
      heading: group.label,
      cells: group.values.map((value) => (value === undefined ? '–' : format(value))),
    })),
  };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
