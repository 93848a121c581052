import {
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  ButtonStyle,
  ComponentType,
  type MessageCreateOptions,
} from 'discord.js';
import type { ActionButton, InteractiveMessage } from '../../src/ports/chat-platform.ts';
import type { TextRedactor } from '../../src/ports/redactor.ts';
import { mentionOnly } from './allowed-mentions.ts';
import { runButtonId } from './custom-ids.ts';
import { DISCORD_LIMITS } from './discord-limits.ts';
import { truncate } from './split-text.ts';

const BUTTONS_PER_ROW = 5;
const ROWS = 5;

/**
 * A page or a reminder: the people it is for are mentioned (and only they are pinged), and each
 * button runs its `/incident` command in the incident's channel, wherever it is pressed.
 */
export function interactivePayload(
  message: InteractiveMessage,
  fallbackChannel: string,
  redactor: TextRedactor,
): MessageCreateOptions {
  const mentions = message.mentions ?? [];
  const prefix = mentions.map((user) => `<@${user}>`).join(' ');
  const text = redactor.redact(message.text);
  const content = truncate(prefix ? `${prefix} ${text}` : text, DISCORD_LIMITS.content);
  const channel = message.incident.channel ?? fallbackChannel;
  // Without a channel to run in, a button could only fail when pressed.
  const buttons = (channel ? (message.buttons ?? []) : [])
    .slice(0, BUTTONS_PER_ROW * ROWS)
    .map((button) => toButton(button, message.incident.workspace, channel));
  const rows: APIActionRowComponent<APIButtonComponentWithCustomId>[] = [];
  for (let start = 0; start < buttons.length; start += BUTTONS_PER_ROW) {
    rows.push({ type: ComponentType.ActionRow, components: buttons.slice(start, start + BUTTONS_PER_ROW) });
  }
  return { content, components: rows, allowedMentions: mentionOnly(mentions) };
}

function toButton(button: ActionButton, guildId: string, channelId: string): APIButtonComponentWithCustomId {
  const style =
    button.style === 'danger'
      ? ButtonStyle.Danger
      : button.style === 'primary'
        ? ButtonStyle.Primary
        : ButtonStyle.Secondary;
  return {
    type: ComponentType.Button,
    custom_id: runButtonId(guildId, channelId, button.command),
    label: truncate(button.label, DISCORD_LIMITS.buttonLabel),
    style,
  };
}
