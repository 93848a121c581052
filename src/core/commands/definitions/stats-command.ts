import { fail, ok, userError } from '../../errors.ts';
import { incidentLabel } from '../../model/incident-ref.ts';
import type { IncidentState } from '../../model/incident-state.ts';
import { visibleOnly } from '../../policy/incident-visibility.ts';
import { responseStats, type SeverityStats } from '../../stats/response-stats.ts';
import { workspaceStates } from '../../stats/workspace-states.ts';
import { formatClock, formatDuration } from '../../time/format-time.ts';
import { defineCommand } from '../command-definition.ts';
import { ephemeral } from '../reply.ts';

const USAGE = '/incident stats [30d|90d]';
const WINDOWS = ['30d', '90d'] as const;
type Window = (typeof WINDOWS)[number];
const DAY_MS = 24 * 3600 * 1000;

export const statsCommand = defineCommand<{ days: number }>({
  name: 'stats',
  summary: 'Count, MTTA and MTTR by severity over the last 30 or 90 days',
  usage: USAGE,
  examples: ['/incident stats', '/incident stats 90d'],
  options: [
    {
      name: 'window',
      description: 'How far back to look (default 30d)',
      type: 'string',
      required: false,
      choices: WINDOWS,
    },
  ],
  kind: 'query',
  scope: 'anywhere',
  allowedWhenResolved: true,
  parseText(text) {
    return ok({ window: text.trim() });
  },
  build(options) {
    const window = (options.window ?? '').trim().toLowerCase() || '30d';
    if (!WINDOWS.includes(window as Window)) {
      return fail(userError('invalid_window', `"${options.window}" is not a window. Use 30d or 90d.`, USAGE));
    }
    return ok({ days: Number.parseInt(window, 10) });
  },
  async answer({ args, origin, now, services, settings, actor }) {
    const since = new Date(now.getTime() - args.days * DAY_MS);
    const workspace = { platform: origin.platform, workspace: origin.workspace };
    const states = await visibleOnly(
      services.platforms,
      await workspaceStates(services.store, workspace),
      actor,
    );
    const rows = responseStats(states, since, new Date(now.getTime() + 1));
    const sinceText = formatClock(since, settings.timezone, true);
    if (rows.length === 0) {
      return ok(ephemeral(`No incidents declared in the last ${args.days} days (since ${sinceText}).`));
    }
    const total = rows.reduce((sum, row) => sum + row.count, 0);
    return ok(
      ephemeral(`${total} incident(s) declared in the last ${args.days} days (since ${sinceText}):`, {
        lines: [...rows.map(describeRow), ...openActions(states, since)],
      }),
    );
  },
});

/** Follow-ups still open, per incident of the window: what the review meeting chases. */
function openActions(states: readonly IncidentState[], since: Date): string[] {
  const counted = states
    .filter((state) => Date.parse(state.declaredAt) >= since.getTime())
    .map((state) => ({
      label: incidentLabel(state.number),
      open: state.actionItems.filter((item) => !item.done).length,
    }))
    .filter((entry) => entry.open > 0);
  if (counted.length === 0) return ['Open action items: none.'];
  const total = counted.reduce((sum, entry) => sum + entry.open, 0);
  return [
    `Open action items: ${total} (${counted.map((entry) => `${entry.label} ${entry.open}`).join(', ')}).`,
  ];
}

function describeRow(row: SeverityStats): string {
  const mtta =
    row.mttaMs === undefined
      ? 'MTTA n/a (none acknowledged)'
      : `MTTA ${formatDuration(row.mttaMs)} (${row.acknowledged} acknowledged)`;
  const mttr =
    row.mttrMs === undefined
      ? 'MTTR n/a (none resolved)'
      : `MTTR ${formatDuration(row.mttrMs)} (${row.resolved} resolved)`;
  return `${row.severity}  ${row.count} incident(s)  ${mtta}  ${mttr}`;
}
