import { fail, ok, userError } from '../../errors.ts';
import { incidentLabel } from '../../model/incident-ref.ts';
import { formatClock } from '../../time/format-time.ts';
import { TimelineBuilder } from '../../timeline/build-timeline.ts';
import { defineCommand } from '../command-definition.ts';
import { ephemeral } from '../reply.ts';

export const timelineCommand = defineCommand<Record<string, never>>({
  name: 'timeline',
  summary: 'Show the timeline so far',
  usage: '/incident timeline',
  examples: ['/incident timeline'],
  options: [],
  kind: 'query',
  scope: 'incident',
  allowedWhenResolved: true,
  parseText(text) {
    if (text.trim())
      return fail(userError('unexpected_text', '`timeline` takes no arguments.', '/incident timeline'));
    return ok({});
  },
  build() {
    return ok({});
  },
  async answer({ incident, services, settings }) {
    if (!incident) throw new Error('timeline runs only with an incident');
    const builder = new TimelineBuilder();
    for await (const page of services.store.scan(incident.ref)) for (const event of page) builder.add(event);
    const entries = builder.build();
    const first = entries[0]?.at.slice(0, 10);
    const crossesMidnight = entries.some((entry) => entry.at.slice(0, 10) !== first);
    const lines = entries.map(
      (entry) =>
        `${formatClock(entry.at, settings.timezone, crossesMidnight)}  ${entry.author.name}: ${entry.text}`,
    );
    return ok(
      ephemeral(`Timeline of ${incidentLabel(incident.number)} (${entries.length} entries)`, { lines }),
    );
  },
});
