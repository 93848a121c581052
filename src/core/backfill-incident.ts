import type { CoreServices } from './core-services.ts';
import type { IncidentEvent } from './model/events.ts';
import type { IncidentState } from './model/incident-state.ts';
import { cleanText } from './text/sanitize-input.ts';

const BATCH = 200;

/**
 * Reads what was said in the incident's channel while the bot was away and records anything it
 * missed. Captures are deduplicated by message id, so running this twice changes nothing.
 * Returns how many messages were new.
 */
export async function backfillIncident(services: CoreServices, incident: IncidentState): Promise<number> {
  const platform = services.platforms.get(incident.ref.platform);
  if (!platform?.fetchHistory || !incident.channel) return 0;
  const origin = {
    platform: incident.ref.platform,
    workspace: incident.ref.workspace,
    channel: incident.channel.id,
  };
  let batch: IncidentEvent[] = [];
  let written = 0;
  const flush = async () => {
    written += await services.store.appendChatter(incident.ref, batch);
    batch = [];
  };
  for await (const message of platform.fetchHistory(incident)) {
    batch.push({
      type: 'message_captured',
      messageId: message.messageId,
      text: cleanText(message.text),
      occurredAt: message.occurredAt.toISOString(),
      ...(message.threadId === undefined ? {} : { threadId: message.threadId }),
      ...(message.files === undefined ? {} : { files: message.files }),
      ...(message.permalink === undefined ? {} : { permalink: message.permalink }),
      at: services.clock.now().toISOString(),
      actor: message.actor,
      origin,
    });
    if (batch.length >= BATCH) await flush();
  }
  await flush();
  return written;
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
