import { toChannel } from '../core/commands/reply.ts';
import type { IncidentState } from '../core/model/incident-state.ts';
import type { ActionButton, PlatformRegistry } from '../ports/chat-platform.ts';

/**
 * Posts a line from the bot in the incident's channel (the declaring channel until the incident
 * channel exists). Buttons and mentions need a platform that supports them; without, the text says
 * what to type. The event in the log is the record; the post only tells people.
 */
export async function postIncidentNotice(
  platforms: PlatformRegistry,
  state: IncidentState,
  text: string,
  extras: { buttons?: ActionButton[]; mentions?: string[] } = {},
): Promise<void> {
  const platform = platforms.get(state.ref.platform);
  if (!platform) return;
  const channel = state.channel?.id ?? state.originChannel;
  const { workspace } = state.ref;
  const buttons = extras.buttons ?? [];
  const mentions = extras.mentions ?? [];
  if ((buttons.length > 0 || mentions.length > 0) && platform.postInteractive) {
    await platform.postInteractive(workspace, channel, {
      text,
      buttons,
      mentions,
      incident: { ...state.ref, channel },
    });
    return;
  }
  const who = mentions.map((user) => `@${user} `).join('');
  const hint = buttons.map((button) => ` (${button.label}: /incident ${button.command})`).join('');
  await platform.postMessage(workspace, channel, toChannel(`${who}${text}${hint}`));
}
