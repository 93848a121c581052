import type { App } from '@slack/bolt';
import { captureEventOf, type SlackMessageEvent } from './capture-message.ts';
import { slackContext } from './slack-context.ts';
import type { SlackRuntime } from './slack-runtime.ts';

/** 📌 promotes a message to the timeline; taking it away demotes it again. */
export const PROMOTE_REACTION = 'pushpin';

interface ReactionEvent {
  user?: string;
  reaction?: string;
  item?: { type?: string; channel?: string; ts?: string };
}

interface EventEnvelope {
  team_id?: string;
  event_id?: string;
}

/**
 * Events API capture (Bolt acks events before listeners run). Every delivery carries Slack's
 * event_id into the core, which records a retried or duplicated delivery once.
 */
export function registerEventCapture(bolt: App, runtime: SlackRuntime): void {
  bolt.event('message', async ({ event, body }) => {
    const envelope = body as EventEnvelope;
    await runtime.inbound.run('message event', async () => {
      const inbound = await captureEventOf(
        runtime,
        event as SlackMessageEvent,
        envelope.team_id ?? '',
        envelope.event_id,
      );
      if (inbound) await runtime.inbound.answer(inbound);
    });
  });

  const onReaction = (kind: 'message-promoted' | 'message-demoted') => {
    return async ({ event, body }: { event: ReactionEvent; body: unknown }) => {
      const envelope = body as EventEnvelope;
      if (event.reaction !== PROMOTE_REACTION || event.item?.type !== 'message') return;
      const { channel, ts } = event.item;
      if (!channel || !ts || !event.user) return;
      const user = event.user;
      await runtime.inbound.run(kind, async () => {
        const actor = await runtime.users.actor(user);
        await runtime.inbound.answer({
          kind,
          messageId: ts,
          context: slackContext(envelope.team_id ?? '', channel, actor, envelope.event_id),
        });
      });
    };
  };
  bolt.event('reaction_added', onReaction('message-promoted'));
  bolt.event('reaction_removed', onReaction('message-demoted'));
}
