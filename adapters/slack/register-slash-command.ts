import type { App, RespondFn, SlashCommand } from '@slack/bolt';
import { answerPrivately, deliverReply, type ReplyRoute, type Respond } from './deliver-reply.ts';
import { explainSlackError } from './explain-slack-error.ts';
import { declareModal, declareModalWanted } from './modal-views.ts';
import { slackContext } from './slack-context.ts';
import { callSlack } from './slack-platform-error.ts';
import { ackTimer, type SlackRuntime } from './slack-runtime.ts';
import { decodeSlackText } from './slack-text.ts';

/** Bolt's `respond`, with the shape deliverReply speaks. */
export function asRespond(respond: RespondFn): Respond {
  return (body) => respond(body);
}

/**
 * `/incident …` (under whatever name the workspace gave the command): ack at once, then hand the
 * text to the core and answer through the response_url. `/incident start` alone opens a modal.
 */
export function registerSlashCommand(bolt: App, runtime: SlackRuntime): void {
  bolt.command(/.*/, async ({ command, ack, respond }) => {
    const acked = ackTimer(runtime);
    await ack();
    acked();
    await runtime.inbound.run('slash command', () => handleCommand(runtime, command, asRespond(respond)));
  });
}

async function handleCommand(runtime: SlackRuntime, command: SlashCommand, respond: Respond): Promise<void> {
  const text = decodeSlackText(command.text ?? '').trim();
  const route: ReplyRoute = { channel: command.channel_id, user: command.user_id, respond };
  const modal = declareModalWanted(text, runtime.config.severity_aliases);
  if (modal) {
    const origin = { channel: command.channel_id, responseUrl: command.response_url };
    const view = declareModal(origin, modal.severity ?? runtime.config.default_severity);
    try {
      // trigger_id lives 3 s: this call comes straight after the ack.
      await callSlack('views.open', () =>
        runtime.poster.client.views.open({ trigger_id: command.trigger_id, view }),
      );
    } catch (error) {
      await answerPrivately(explainSlackError(error, 'open the declare form'), route, runtime);
    }
    return;
  }
  const actor = { id: command.user_id, name: command.user_name || command.user_id };
  const reply = await runtime.inbound.command({
    kind: 'command',
    text,
    // trigger_id is unique per invocation: a redelivered command runs once.
    context: slackContext(
      command.team_id,
      command.channel_id,
      actor,
      `command:${command.trigger_id}`,
      runtime.groups,
    ),
  });
  if (reply) await deliverReply(reply, route, runtime);
}
