import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import type { IncidentState } from '../../src/core/public-api.ts';
import { answerPrivately, deliverReply, type ReplyRoute } from './deliver-reply.ts';
import { explainSlackError } from './explain-slack-error.ts';
import { ACTION_CHANGE_SEVERITY, ACTION_RUN_COMMAND, decodeButtonValue } from './interaction-ids.ts';
import { severityModal } from './modal-views.ts';
import { asRespond } from './register-slash-command.ts';
import { SLACK_PLATFORM, slackContext } from './slack-context.ts';
import { callSlack } from './slack-platform-error.ts';
import { ackTimer, type SlackRuntime } from './slack-runtime.ts';
import { escapeMrkdwn } from './slack-text.ts';

const RUN_COMMAND = new RegExp(`^${ACTION_RUN_COMMAND}`);

function teamOf(body: BlockAction): string {
  return body.team?.id ?? body.user.team_id ?? '';
}

/**
 * Buttons: Acknowledge / Resolve on the summary, and the buttons of pages and reminders, run a
 * command as whoever pressed them; Change severity opens a modal.
 */
export function registerButtons(bolt: App, runtime: SlackRuntime): void {
  bolt.action<BlockAction<ButtonAction>>(RUN_COMMAND, async ({ ack, body, action, respond }) => {
    const acked = ackTimer(runtime);
    await ack();
    acked();
    await runtime.inbound.run('button', async () => {
      const value = decodeButtonValue(action.value);
      const pressedIn = body.channel?.id ?? body.container?.channel_id;
      const channel = value?.channel ?? pressedIn;
      if (!value || !channel) return;
      const actor = { id: body.user.id, name: body.user.name ?? body.user.username ?? body.user.id };
      const reply = await runtime.inbound.command({
        kind: 'command',
        text: value.command,
        context: slackContext(teamOf(body), channel, actor, `action:${body.trigger_id}`, runtime.groups),
      });
      if (!reply) return;
      // Pressed in a DM, the answer still belongs in the incident's channel for everyone to see.
      const route: ReplyRoute = {
        channel,
        user: body.user.id,
        byline: `<@${body.user.id}> pressed ${escapeMrkdwn(action.text?.text ?? 'a button')}`,
        ...(pressedIn === channel ? { respond: asRespond(respond) } : {}),
      };
      await deliverReply(reply, route, runtime);
    });
  });

  bolt.action<BlockAction<ButtonAction>>(ACTION_CHANGE_SEVERITY, async ({ ack, body, action, respond }) => {
    const acked = ackTimer(runtime);
    await ack();
    acked();
    await runtime.inbound.run('change severity button', async () => {
      const channel = body.channel?.id ?? body.container?.channel_id ?? '';
      const incident = await currentIncident(runtime, teamOf(body), Number(action.value));
      const view = severityModal(
        { channel, ...(body.response_url ? { responseUrl: body.response_url } : {}) },
        incident,
        runtime.config.default_severity,
        runtime.redact,
      );
      try {
        await callSlack('views.open', () =>
          runtime.poster.client.views.open({ trigger_id: body.trigger_id, view }),
        );
      } catch (error) {
        const route = { channel, user: body.user.id, respond: asRespond(respond) };
        await answerPrivately(explainSlackError(error, 'open the severity form'), route, runtime);
      }
    });
  });
}

async function currentIncident(
  runtime: SlackRuntime,
  workspace: string,
  number: number,
): Promise<IncidentState | undefined> {
  if (!Number.isInteger(number) || number < 1) return undefined;
  return runtime.store.state({ platform: SLACK_PLATFORM, workspace, number });
}
