import type { AppServices } from '../../app/app-services.ts';
import type { IncidentRef } from '../../core/model/incident-ref.ts';
import type { PlatformRegistry } from '../../ports/chat-platform.ts';

/** Edits the pinned summary so it always shows the incident as the log says it is. */
export function refreshSummary(services: AppServices, platforms: PlatformRegistry) {
  return async (data: unknown): Promise<void> => {
    const ref = data as IncidentRef;
    const platform = platforms.get(ref.platform);
    if (!platform?.refreshSummary) return;
    const state = await services.store.state(ref);
    if (!state?.channel) return;
    await platform.refreshSummary(state);
  };
}
