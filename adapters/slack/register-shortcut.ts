import type { App, MessageShortcut } from '@slack/bolt';
import { incidentLabel } from '../../src/core/public-api.ts';
import { messageEventOf } from './capture-message.ts';
import { answerPrivately } from './deliver-reply.ts';
import { ADD_TO_TIMELINE_SHORTCUT } from './interaction-ids.ts';
import { asRespond } from './register-slash-command.ts';
import { SLACK_PLATFORM, slackContext } from './slack-context.ts';
import { isOwnMessage, type SlackMessageLike } from './slack-message.ts';
import { ackTimer, type SlackRuntime } from './slack-runtime.ts';

/**
 * The message shortcut "Add to timeline": puts a message on the incident's timeline at the time
 * it was said, like a 📌 reaction. The message is captured first, in case it predates capture.
 */
export function registerAddToTimeline(bolt: App, runtime: SlackRuntime): void {
  bolt.shortcut<MessageShortcut>(ADD_TO_TIMELINE_SHORTCUT, async ({ ack, shortcut, respond }) => {
    const acked = ackTimer(runtime);
    await ack();
    acked();
    await runtime.inbound.run('add to timeline', async () => {
      const channel = shortcut.channel.id;
      const workspace = shortcut.team?.id ?? shortcut.user.team_id ?? '';
      const route = { channel, user: shortcut.user.id, respond: asRespond(respond) };
      const ref = await runtime.store.findByChannel({ platform: SLACK_PLATFORM, workspace }, channel);
      if (!ref) {
        await answerPrivately(
          `<#${channel}> has no incident, so there is no timeline to add this message to.`,
          route,
          runtime,
        );
        return;
      }
      const message = shortcut.message as SlackMessageLike & { ts: string };
      if (isOwnMessage(message, runtime.bot)) {
        await answerPrivately(
          'That is one of my own messages; what it says is on the timeline already.',
          route,
          runtime,
        );
        return;
      }
      const captured = await messageEventOf(runtime, message, workspace, channel);
      if (captured) await runtime.inbound.answer(captured);
      const actor = { id: shortcut.user.id, name: shortcut.user.name ?? shortcut.user.id };
      await runtime.inbound.answer({
        kind: 'message-promoted',
        messageId: message.ts,
        context: slackContext(workspace, channel, actor, `shortcut:${shortcut.trigger_id}`),
      });
      await answerPrivately(
        `Added to the timeline of ${incidentLabel(ref.number)}, at the time it was said.`,
        route,
        runtime,
      );
    });
  });
}
