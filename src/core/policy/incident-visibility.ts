import type { PlatformRegistry } from '../../ports/chat-platform.ts';
import type { Actor } from '../model/events.ts';
import type { IncidentState } from '../model/incident-state.ts';

/**
 * Whether a person may see an incident in a list, a stats count or an announcement. Public
 * incidents: everyone. Private ones: the declarer, the role holders, and whoever the platform
 * says is in its channel; when the platform cannot say, nobody else (a private incident must
 * never leak because a lookup failed).
 */
export async function visibleTo(
  platforms: PlatformRegistry,
  incident: IncidentState,
  actor: Actor,
): Promise<boolean> {
  if (!incident.private) return true;
  if (incident.declaredBy.id === actor.id) return true;
  if (Object.values(incident.roles).some((holder) => holder?.id === actor.id)) return true;
  const platform = platforms.get(incident.ref.platform);
  if (!platform?.isMember || !incident.channel) return false;
  return platform.isMember(incident, actor.id).catch(() => false);
}

/** The incidents of a list that the person may see, in the same order. */
export async function visibleOnly(
  platforms: PlatformRegistry,
  incidents: readonly IncidentState[],
  actor: Actor,
): Promise<IncidentState[]> {
  const visible = await Promise.all(incidents.map((incident) => visibleTo(platforms, incident, actor)));
  return incidents.filter((_, index) => visible[index]);
}
