import { toChannel } from '../../core/commands/reply.ts';
import { incidentLabel } from '../../core/model/incident-ref.ts';
import type { ActionButton, ChatPlatform, PlatformRegistry } from '../../ports/chat-platform.ts';
import { type Pager, type PagerDelivery, PagerDeliveryError } from '../../ports/pager.ts';
import { CHAT_PAGER_ID } from '../pager-config.ts';
import { incidentHeadline } from './pager-incident.ts';

const ACK_BUTTON: ActionButton = { label: 'Acknowledge', command: 'ack', style: 'primary' };

/**
 * Pages a person where they chat: a DM, plus a mention in the incident channel, both with an
 * Acknowledge button. Platforms without DMs or buttons still get the plain channel mention.
 */
export class ChatPager implements Pager {
  readonly type = 'chat';
  readonly id = CHAT_PAGER_ID;

  constructor(private readonly platforms: PlatformRegistry) {}

  async send(delivery: PagerDelivery): Promise<void> {
    const { incident, target } = delivery;
    const platform = this.platforms.get(incident.ref.platform);
    if (!platform) {
      // Another process (the one holding the platform connection) can deliver it; retry.
      throw new PagerDeliveryError(this.id, `no ${incident.ref.platform} connection in this worker`, {
        retryable: true,
      });
    }
    if (target.user === undefined || target.user === '') {
      throw new PagerDeliveryError(this.id, `nobody to reach for ${target.id}`, { retryable: false });
    }
    try {
      await this.deliver(platform, delivery, target.user);
    } catch (error) {
      throw asDeliveryError(error);
    }
  }

  private async deliver(platform: ChatPlatform, delivery: PagerDelivery, user: string): Promise<void> {
    const { incident, target } = delivery;
    const workspace = incident.ref.workspace;
    const channel = incident.channel?.id ?? incident.originChannel;
    const ref = { ...incident.ref, channel };
    const label = incidentLabel(incident.number);
    if (delivery.action === 'acknowledge' || delivery.action === 'resolve') {
      const text =
        delivery.action === 'acknowledge'
          ? `${label} was acknowledged${delivery.actor ? ` by ${delivery.actor.name}` : ''}; the page is answered.`
          : `${label} is resolved. Thank you for answering the page.`;
      await platform.sendDirectMessage?.(workspace, user, { text, incident: ref });
      return;
    }
    const why = target.kind === 'schedule' ? ` as ${target.id} ${target.layer ?? 'primary'} on call` : '';
    const step =
      (target.step ?? 0) > 0 ? ` Escalation step ${target.step}: nobody has acknowledged yet.` : '';
    const message = delivery.message ? ` "${delivery.message}"` : '';
    const buttons = [ACK_BUTTON];
    await platform.sendDirectMessage?.(workspace, user, {
      text: `You are paged${why} for ${incidentHeadline(incident)}.${step}${message} Join #${incident.channel?.name ?? channel}.`,
      buttons,
      incident: ref,
    });
    const mention = `you are paged${why}.${step}${message}`;
    if (platform.postInteractive) {
      await platform.postInteractive(workspace, channel, {
        text: mention,
        mentions: [user],
        buttons,
        incident: ref,
      });
    } else {
      await platform.postMessage(
        workspace,
        channel,
        toChannel(`@${user} ${mention} Acknowledge with /incident ack.`),
      );
    }
  }
}

/** Platform errors carry an HTTP-like status when they have one: 4xx other than 429 will not heal. */
function asDeliveryError(error: unknown): PagerDeliveryError {
  if (error instanceof PagerDeliveryError) return error;
  const status = (error as { status?: unknown }).status;
  const code = typeof status === 'number' ? status : undefined;
  const retryable = code === undefined || code === 429 || code >= 500;
  return new PagerDeliveryError(
    CHAT_PAGER_ID,
    `the chat platform refused the page: ${(error as Error).message}`,
    {
      retryable,
      ...(code === undefined ? {} : { status: code }),
      cause: error,
    },
  );
}
