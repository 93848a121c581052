import { BOT_ACTOR } from '../core/append-system-events.ts';
import type { CoreServices } from '../core/core-services.ts';
import { SystemError } from '../core/errors.ts';
import type { IncidentEvent, IncidentEventBody } from '../core/model/events.ts';
import type { IncidentRef } from '../core/model/incident-ref.ts';
import type { IncidentState } from '../core/model/incident-state.ts';
import { afterAppend } from '../core/reactions.ts';
import { type Revisioned, readPagingLog } from './paging-log.ts';

/**
 * appendSystemEvents, for decisions that need the log and not only the folded state (was this
 * step already fired? was the chain acknowledged since it started?). The decision is re-made on
 * fresh data whenever another writer got there first, so an ack racing an escalation always wins.
 */
export async function appendPagingEvents(
  services: CoreServices,
  ref: IncidentRef,
  decide: (log: readonly Revisioned[], state: IncidentState) => IncidentEventBody[] | undefined,
): Promise<IncidentEvent[]> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const state = await services.store.state(ref);
    if (!state)
      throw new SystemError(
        'incident_missing',
        `incident ${ref.platform}:${ref.workspace}:${ref.number} has no log`,
      );
    const log = await readPagingLog(services.store, ref);
    // The two reads are not atomic; if a write slipped in between, read again.
    if (log.length !== state.revision) continue;
    const bodies = decide(log, state);
    if (!bodies || bodies.length === 0) return [];
    const at = services.clock.now().toISOString();
    const origin = {
      platform: ref.platform,
      workspace: ref.workspace,
      channel: state.channel?.id ?? state.originChannel,
    };
    const events = bodies.map((body): IncidentEvent => ({ ...body, at, actor: BOT_ACTOR, origin }));
    if (await services.store.appendIfRevision(ref, state.revision, events)) {
      await afterAppend(services, state, events);
      return events;
    }
  }
  throw new SystemError('write_contention', 'could not append paging events: too many concurrent writers');
}
