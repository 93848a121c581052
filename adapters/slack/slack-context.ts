import type { Actor, InboundContext, InboundEvent, IncidentCore, Reply } from '../../src/core/public-api.ts';
import { systemErrorReply } from '../../src/core/public-api.ts';
import type { ChannelSerializer } from './channel-serializer.ts';
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

interface CoreAccess {
  core: IncidentCore;
  warn: (message: string, error?: unknown) => void;
}

/** The core's answer, or the shared wording for a system failure; undefined for a duplicate. */
export async function coreReply(runtime: CoreAccess, event: InboundEvent): Promise<Reply | undefined> {
  try {
    return await runtime.core.process(event);
  } catch (error) {
    runtime.warn(`the core could not process a ${event.kind}`, error);
    return systemErrorReply(error);
  }
}

/** A command, run after the commands delivered before it in the same channel. */
export function commandReply(
  runtime: CoreAccess & { serial: ChannelSerializer },
  event: InboundEvent,
): Promise<Reply | undefined> {
  const { workspace, channel } = event.context;
  return runtime.serial.run(`${workspace}:${channel}`, () => coreReply(runtime, event));
}
