import type { types } from '@slack/bolt';
import type { InteractiveMessage } from '../../src/ports/chat-platform.ts';
import { fitToSections, PAGE_BUDGET, packSections, type SlackMessage, section } from './block-kit-pages.ts';
import { commandButtons } from './render-buttons.ts';
import { isSlackUserId } from './slack-actor.ts';
import { toSafeMrkdwn, truncate } from './slack-text.ts';

/** A page or a reminder: the people it is for (mentioned, so they are notified), the text, its buttons. */
export function renderInteractive(
  message: InteractiveMessage,
  redact: (text: string) => string,
): SlackMessage {
  const mentions = (message.mentions ?? []).filter(isSlackUserId).map((id) => `<@${id}>`);
  const text = redact(message.text);
  const sections = packSections([
    ...(mentions.length > 0 ? [mentions.join(' ')] : []),
    ...text.split('\n').flatMap((line) => fitToSections(line)),
  ]);
  const blocks: types.KnownBlock[] = sections.slice(0, PAGE_BUDGET.blocks - 1).map(section);
  const buttons = commandButtons(message.buttons ?? [], message.incident.channel);
  if (buttons.length > 0) blocks.push({ type: 'actions', elements: buttons });
  return { text: `${mentions.join(' ')} ${toSafeMrkdwn(truncate(text, 300))}`.trim(), blocks };
}
