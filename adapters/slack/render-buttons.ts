import type { types } from '@slack/bolt';
import type { ActionButton } from '../../src/ports/chat-platform.ts';
import { BLOCK_KIT_LIMITS } from './block-kit-pages.ts';
import { ACTION_RUN_COMMAND, encodeButtonValue } from './interaction-ids.ts';
import { toSafePlainText, truncate } from './slack-text.ts';

/** Slack allows 25 elements in an actions block. */
const MAX_BUTTONS = 25;

/**
 * Buttons that run `/incident <command>` as whoever presses them. `channel` is the incident's
 * channel, for buttons shown elsewhere (a DM); without it the button acts where it is pressed.
 * action_ids must differ within a block, so each carries its position.
 */
export function commandButtons(buttons: readonly ActionButton[], channel?: string): types.Button[] {
  return buttons.slice(0, MAX_BUTTONS).map((button, index) => ({
    type: 'button',
    action_id: `${ACTION_RUN_COMMAND}:${index}`,
    text: { type: 'plain_text', text: truncate(toSafePlainText(button.label), BLOCK_KIT_LIMITS.buttonText) },
    value: encodeButtonValue(
      channel === undefined ? { command: button.command } : { command: button.command, channel },
    ),
    ...(button.style ? { style: button.style } : {}),
  }));
}
