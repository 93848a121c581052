import { fail, ok, userError } from '../../errors.ts';
import { incidentLabel } from '../../model/incident-ref.ts';
import { commanderOf, type IncidentState } from '../../model/incident-state.ts';
import { visibleOnly } from '../../policy/incident-visibility.ts';
import { formatDuration } from '../../time/format-time.ts';
import { defineCommand } from '../command-definition.ts';
import { ephemeral } from '../reply.ts';

export const listCommand = defineCommand<Record<string, never>>({
  name: 'list',
  summary: 'List the open incidents',
  usage: '/incident list',
  examples: ['/incident list'],
  options: [],
  kind: 'query',
  scope: 'anywhere',
  allowedWhenResolved: true,
  parseText(text) {
    if (text.trim())
      return fail(userError('unexpected_text', '`list` takes no arguments.', '/incident list'));
    return ok({});
  },
  build() {
    return ok({});
  },
  async answer({ origin, now, services, actor }) {
    const refs = await services.store.openIncidents({
      platform: origin.platform,
      workspace: origin.workspace,
    });
    const states = (await Promise.all(refs.map((ref) => services.store.state(ref)))).filter(
      (state): state is IncidentState => state !== undefined,
    );
    const visible = await visibleOnly(services.platforms, states, actor);
    const lines = visible.map(
      (state) =>
        `${incidentLabel(state.number)}  ${state.severity}  ${state.status}${state.private ? '  private' : ''}  ${state.title}  ` +
        `(commander ${commanderOf(state).name}, open ${formatDuration(now.getTime() - Date.parse(state.declaredAt))}` +
        `${state.channel ? `, #${state.channel.name}` : ''})`,
    );
    const text = lines.length === 0 ? 'No open incidents.' : `${lines.length} open incident(s):`;
    return ok(ephemeral(text, { lines }));
  },
});
