import type { Actor } from '../../src/core/public-api.ts';
import { escapeMrkdwn } from './slack-text.ts';

const SLACK_USER_ID = /^[UW][A-Z0-9]+$/;

/** Whether an actor id is a Slack user (and not a bot, a schedule or another platform's id). */
export function isSlackUserId(id: string): boolean {
  return SLACK_USER_ID.test(id);
}

/** `<@U123>` for Slack users (Slack shows their current name), the escaped name otherwise. */
export function actorMention(actor: Actor): string {
  return isSlackUserId(actor.id) ? `<@${actor.id}>` : escapeMrkdwn(actor.name);
}
