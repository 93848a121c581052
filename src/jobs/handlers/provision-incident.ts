import type { AppServices } from '../../app/app-services.ts';
import { appendSystemEvents } from '../../core/append-system-events.ts';
import type { IncidentRef } from '../../core/model/incident-ref.ts';
import type { PlatformRegistry } from '../../ports/chat-platform.ts';

/**
 * Opens the incident's channel on its platform. Idempotent: a retry after a crash finds the
 * channel already linked and stops.
 */
export function provisionIncident(services: AppServices, platforms: PlatformRegistry) {
  return async (data: unknown): Promise<void> => {
    const ref = data as IncidentRef;
    const state = await services.store.state(ref);
    // An imported incident keeps the channel it was exported from; none is opened for it.
    if (!state || state.channel || state.imported) return;
    const platform = platforms.get(ref.platform);
    if (!platform) throw new Error(`no chat platform "${ref.platform}" in this process`);
    const space = await platform.provisionIncidentSpace(state);
    await services.store.linkChannel(ref, space.channelId);
    await appendSystemEvents(services, ref, (current) =>
      current.channel
        ? undefined
        : [
            {
              type: 'channel_linked',
              channel: space.channelId,
              channelName: space.channelName,
              ...(space.url === undefined ? {} : { url: space.url }),
            },
          ],
    );
  };
}
