import { BOT_ACTOR } from './append-system-events.ts';
import type { CoreServices } from './core-services.ts';
import { ok } from './errors.ts';
import { type CapturedMessage, messageCapturedBody } from './model/captured-message.ts';
import type { IncidentEventBody } from './model/events.ts';
import type { IncidentState } from './model/incident-state.ts';
import { cleanText } from './text/sanitize-input.ts';
import { commit } from './write/commit.ts';

const BATCH = 200;

/**
 * Reads what was said in the incident's channel while the bot was away and records anything it
 * missed, through the same write path as live capture. Captures are deduplicated by message id,
 * so running this twice changes nothing. Returns how many messages were new.
 */
export async function backfillIncident(services: CoreServices, incident: IncidentState): Promise<number> {
  const platform = services.platforms.get(incident.ref.platform);
  if (!platform?.fetchHistory || !incident.channel) return 0;
  let written = 0;
  let batch: CapturedMessage[] = [];
  for await (const message of platform.fetchHistory(incident)) {
    batch.push(message);
    if (batch.length >= BATCH) {
      written += await commitHistory(services, incident, batch);
      batch = [];
    }
  }
  return written + (await commitHistory(services, incident, batch));
}

/**
 * Records messages read from the channel's history, each by its own author, with `then` (bot
 * events of the same read, e.g. its progress) in the same append. Returns how many messages were new.
 */
export async function commitHistory(
  services: CoreServices,
  incident: IncidentState,
  messages: readonly CapturedMessage[],
  then: IncidentEventBody[] = [],
): Promise<number> {
  if (messages.length === 0 && then.length === 0) return 0;
  const channel = incident.channel?.id ?? incident.originChannel;
  const outcome = await commit(services, {
    target: { kind: 'chatter', ref: incident.ref },
    actor: BOT_ACTOR,
    actorOf: (index) => messages[index]?.actor ?? BOT_ACTOR,
    origin: { platform: incident.ref.platform, workspace: incident.ref.workspace, channel },
    decide: () =>
      ok({ events: [...messages.map((message) => messageCapturedBody(message, cleanText)), ...then] }),
  });
  return outcome.status === 'committed' ? outcome.written - then.length : 0;
}

/** Backfills every open incident of one platform: run at startup, before the bot says it is ready. */
export async function backfillOpenIncidents(services: CoreServices, platform: string): Promise<number> {
  let written = 0;
  for (const workspace of await services.store.workspaces()) {
    if (workspace.platform !== platform) continue;
    for (const ref of await services.store.openIncidents(workspace)) {
      const state = await services.store.state(ref);
      if (state) written += await backfillIncident(services, state);
    }
  }
  return written;
}
