import type { App, SlackViewAction } from '@slack/bolt';
import type { RawOptions } from '../../src/core/public-api.ts';
import { deliverReply, type ReplyRoute } from './deliver-reply.ts';
import { DECLARE_MODAL, SEVERITY_MODAL } from './interaction-ids.ts';
import { inputValue, isChecked, parseOrigin } from './modal-views.ts';
import { slackContext } from './slack-context.ts';
import { ackTimer, type SlackRuntime } from './slack-runtime.ts';

type Values = Parameters<typeof inputValue>[0];

/**
 * Modal submissions become the same commands the text would have been: the declare form runs
 * `start`, the severity form runs `sev`. The answer goes back through the response_url of the
 * command or button that opened the form, so it lands where the person was.
 */
export function registerModals(bolt: App, runtime: SlackRuntime): void {
  const submit = (callbackId: string, command: string, optionsOf: (values: Values) => RawOptions) => {
    bolt.view<SlackViewAction>(callbackId, async ({ ack, body, view }) => {
      const acked = ackTimer(runtime);
      await ack();
      acked();
      await runtime.inbound.run(`${command} form`, async () => {
        const origin = parseOrigin(view.private_metadata);
        if (!origin) return;
        const actor = { id: body.user.id, name: body.user.name ?? body.user.id };
        const workspace = body.team?.id ?? body.user.team_id ?? '';
        const reply = await runtime.inbound.command({
          kind: 'command-options',
          name: command,
          options: optionsOf(view.state.values as Values),
          // One submission per view: a redelivered submission declares nothing twice.
          context: slackContext(workspace, origin.channel, actor, `view:${view.id}`, runtime.groups),
        });
        if (!reply) return;
        const route: ReplyRoute = {
          channel: origin.channel,
          user: body.user.id,
          ...(origin.responseUrl ? { respond: runtime.responder(origin.responseUrl) } : {}),
          ...(command === 'sev' ? { byline: `Changed by <@${body.user.id}>` } : {}),
        };
        await deliverReply(reply, route, runtime);
      });
    });
  };

  submit(DECLARE_MODAL, 'start', (values) => {
    const description = inputValue(values, 'description');
    return {
      title: inputValue(values, 'title'),
      severity: inputValue(values, 'severity'),
      ...(description ? { description } : {}),
      ...(isChecked(values, 'visibility', 'private') ? { private: 'true' } : {}),
    };
  });

  submit(SEVERITY_MODAL, 'sev', (values) => ({
    severity: inputValue(values, 'severity'),
    reason: inputValue(values, 'reason'),
  }));
}
