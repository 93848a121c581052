import { type IncidentState, type Reply, redactReply } from '../../src/core/public-api.ts';
import type {
  ChatPlatform,
  HistoryMessage,
  IncidentSpace,
  InteractiveMessage,
} from '../../src/ports/chat-platform.ts';
import type { ProvisioningProgress } from '../../src/ports/provisioning-journal.ts';
import { adoptDiscordChannel } from './adopt-channel.ts';
import { canSeeIncident } from './channel-access.ts';
import { DISCORD_PLATFORM, type DiscordContext } from './discord-context.ts';
import { fetchHistory } from './fetch-history.ts';
import { messageChannel } from './incident-channel.ts';
import { interactivePayload } from './interactive-message.ts';
import { postParts } from './post-parts.ts';
import { provisionDiscordIncident } from './provision-incident.ts';
import { renderReply } from './render-reply.ts';
import { refreshSummary } from './summary-publisher.ts';

/**
 * Discord as the core sees it. Every method works from ids alone (over REST when this process
 * has not cached them), so any process or shard can run the jobs that call it.
 */
export class DiscordPlatform implements ChatPlatform {
  readonly name = DISCORD_PLATFORM;

  constructor(private readonly ctx: DiscordContext) {}

  provisionIncidentSpace(incident: IncidentState, progress: ProvisioningProgress): Promise<IncidentSpace> {
    return provisionDiscordIncident(this.ctx, incident, progress);
  }

  /** Jobs post here (notices, pages): their text did not pass the core's redaction, so it is redacted here. */
  async postMessage(_workspace: string, channel: string, reply: Reply): Promise<void> {
    const target = await messageChannel(this.ctx.client, channel);
    await postParts(target, renderReply(redactReply(reply, this.ctx.redactor)));
  }

  adoptIncidentSpace(incident: IncidentState, progress: ProvisioningProgress): Promise<IncidentSpace> {
    return adoptDiscordChannel(this.ctx, incident, progress);
  }

  isMember(incident: IncidentState, userId: string): Promise<boolean> {
    return canSeeIncident(this.ctx.client, incident, userId);
  }

  refreshSummary(incident: IncidentState): Promise<void> {
    return refreshSummary(this.ctx, incident);
  }

  fetchHistory(incident: IncidentState): AsyncIterable<HistoryMessage> {
    return fetchHistory(this.ctx, incident);
  }

  async sendDirectMessage(_workspace: string, userId: string, message: InteractiveMessage): Promise<void> {
    const user = await this.ctx.client.users.fetch(userId);
    const dm = await user.createDM();
    await dm.send(interactivePayload(message, message.incident.channel ?? '', this.ctx.redactor));
  }

  async postInteractive(_workspace: string, channel: string, message: InteractiveMessage): Promise<void> {
    const target = await messageChannel(this.ctx.client, channel);
    await target.send(interactivePayload(message, channel, this.ctx.redactor));
  }
}
