import type { AdjustableClock, InboundContext, Reply } from '../../src/core/public-api.ts';
import { ephemeral } from '../../src/core/public-api.ts';
import type { AdapterRuntime } from '../runtime/adapter-runtime.ts';
import { SaidMessages } from './said-messages.ts';

/**
 * What people say in the console, handed to the core as the platforms hand their chatter: a
 * message, an edit or deletion of your last one, and 📌 on the channel's last message (`/pin`,
 * `/unpin`), so a replay can do in the console whatever people do in Slack or Discord.
 * Each returns what to print: nothing when all went well (chatter gets no answer).
 */
export class ConsoleCapture {
  private readonly said = new SaidMessages();
  private sequence = 0;

  constructor(
    private readonly runtime: AdapterRuntime,
    private readonly clock: AdjustableClock,
  ) {}

  say(context: InboundContext, text: string): Promise<Reply | undefined> {
    const occurredAt = this.clock.now();
    this.sequence += 1;
    const messageId = `${occurredAt.getTime()}.${String(this.sequence).padStart(6, '0')}`;
    this.said.record(context.channel, context.actor.id, messageId);
    return this.runtime.answer({ kind: 'message', messageId, text, occurredAt, context });
  }

  async edit(context: InboundContext, text: string): Promise<Reply | undefined> {
    const messageId = this.said.lastBy(context.channel, context.actor.id);
    if (!messageId) return nothingOfYours(context, 'edit');
    if (!text) return ephemeral('Usage: /edit <new text>');
    return this.runtime.answer({
      kind: 'message-edited',
      messageId,
      text,
      editedAt: this.clock.now(),
      context,
    });
  }

  async remove(context: InboundContext): Promise<Reply | undefined> {
    const messageId = this.said.lastBy(context.channel, context.actor.id);
    if (!messageId) return nothingOfYours(context, 'delete');
    this.said.forget(context.channel, context.actor.id, messageId);
    return this.runtime.answer({ kind: 'message-deleted', messageId, context });
  }

  async pin(context: InboundContext, pinned: boolean): Promise<Reply | undefined> {
    const messageId = this.said.lastIn(context.channel);
    if (!messageId)
      return ephemeral(`Nothing has been said in #${context.channel} to ${pinned ? 'pin' : 'unpin'}.`);
    return this.runtime.answer({ kind: pinned ? 'message-promoted' : 'message-demoted', messageId, context });
  }
}

function nothingOfYours(context: InboundContext, verb: string): Reply {
  return ephemeral(`You have said nothing in #${context.channel} to ${verb}.`);
}
