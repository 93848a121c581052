import type { webApi } from '@slack/bolt';
import type { IncidentState } from '../../src/core/public-api.ts';
import { SUMMARY_BLOCK_ID } from './interaction-ids.ts';
import { renderSummary } from './render-summary.ts';
import type { BotIdentity } from './slack-message.ts';
import { callSlack } from './slack-platform-error.ts';
import type { SlackPoster } from './slack-poster.ts';

interface PinnedMessage {
  ts?: string;
  user?: string;
  bot_id?: string;
  blocks?: { block_id?: string }[];
}

/**
 * The incident's summary message. Its ts is never kept in memory: the channel's pins say which
 * message it is, so any process (or a restarted one) edits the same message.
 */
export class SummaryMessage {
  constructor(
    private readonly client: webApi.WebClient,
    private readonly poster: SlackPoster,
    private readonly bot: BotIdentity,
    private readonly redact: (text: string) => string,
  ) {}

  /** Posts the summary and pins it; returns its ts. */
  async postAndPin(incident: IncidentState, channel: string): Promise<string> {
    const ts = await this.poster.post(channel, renderSummary(incident, this.redact));
    await callSlack('pins.add', () => this.client.pins.add({ channel, timestamp: ts }), channel);
    return ts;
  }

  /**
   * Makes sure the channel has one pinned summary: a retry after a crash between posting and
   * pinning pins the summary it finds among the channel's first messages instead of posting another.
   */
  async ensurePinned(incident: IncidentState, channel: string): Promise<void> {
    if ((await this.find(channel)) !== undefined) return;
    const history = await callSlack(
      'conversations.history',
      () => this.client.conversations.history({ channel, limit: 50 }),
      channel,
    );
    const posted = ((history.messages ?? []) as PinnedMessage[]).find((message) => this.isSummary(message));
    if (posted?.ts === undefined) {
      await this.postAndPin(incident, channel);
      return;
    }
    const ts = posted.ts;
    await callSlack('pins.add', () => this.client.pins.add({ channel, timestamp: ts }), channel);
  }

  /** Edits the pinned summary in place; pins a new one if someone unpinned or deleted it. */
  async refresh(incident: IncidentState, channel: string): Promise<void> {
    const ts = await this.find(channel);
    if (ts === undefined) {
      await this.postAndPin(incident, channel);
      return;
    }
    await this.poster.update(channel, ts, renderSummary(incident, this.redact));
  }

  /** The ts of the summary among the channel's pins: tocsin's message with the summary header. */
  async find(channel: string): Promise<string | undefined> {
    const answer = await callSlack('pins.list', () => this.client.pins.list({ channel }), channel);
    const items = (answer.items ?? []) as { message?: PinnedMessage }[];
    const summary = items.map((item) => item.message).find((message) => this.isSummary(message));
    return summary?.ts;
  }

  /** tocsin's own message with the summary header. */
  private isSummary(message: PinnedMessage | undefined): boolean {
    return (
      message !== undefined &&
      (message.user === this.bot.userId || message.bot_id === this.bot.botId) &&
      (message.blocks ?? []).some((block) => block.block_id === SUMMARY_BLOCK_ID)
    );
  }
}
