import type { Actor, InboundContext } from '../../src/core/public-api.ts';
import type { UserGroups } from './user-groups.ts';

/** The platform name in incident refs and the PlatformRegistry. */
export const SLACK_PLATFORM = 'slack';

/** Who did it and where, in the core's words. `eventId` makes Slack's redeliveries count once. */
export function slackContext(
  workspace: string,
  channel: string,
  actor: Actor,
  eventId?: string,
  groups?: UserGroups,
): InboundContext {
  return {
    platform: SLACK_PLATFORM,
    workspace,
    channel,
    actor,
    ...(eventId === undefined ? {} : { eventId }),
    ...(groups ? { groups: () => groups.of(actor.id) } : {}),
  };
}
