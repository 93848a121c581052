import type { webApi } from '@slack/bolt';
import type { SlackMessage } from './block-kit-pages.ts';
import type { ChannelPacer } from './channel-pacer.ts';
import type { TextAttachment } from './render-reply.ts';
import { callSlack } from './slack-platform-error.ts';

/**
 * Every message tocsin writes goes through here: paced per channel, and failures turned into
 * SlackPlatformErrors that name the method and the channel.
 */
export class SlackPoster {
  constructor(
    readonly client: webApi.WebClient,
    private readonly pacer: ChannelPacer,
  ) {}

  /** Posts in a channel (or, given a user id, in the bot's DM with that user); returns the ts. */
  async post(channel: string, message: SlackMessage): Promise<string> {
    await this.pacer.turn(channel);
    const answer = await callSlack(
      'chat.postMessage',
      () =>
        this.client.chat.postMessage({
          channel,
          text: message.text,
          blocks: message.blocks,
          unfurl_links: false,
          unfurl_media: false,
        }),
      channel,
    );
    return answer.ts ?? '';
  }

  async update(channel: string, ts: string, message: SlackMessage): Promise<void> {
    await this.pacer.turn(channel);
    await callSlack(
      'chat.update',
      () => this.client.chat.update({ channel, ts, text: message.text, blocks: message.blocks }),
      channel,
    );
  }

  async ephemeral(channel: string, user: string, message: SlackMessage): Promise<void> {
    await this.pacer.turn(channel);
    await callSlack(
      'chat.postEphemeral',
      () => this.client.chat.postEphemeral({ channel, user, text: message.text, blocks: message.blocks }),
      channel,
    );
  }

  /** The id of the bot's DM channel with a user (files need a real channel id). */
  async directChannel(user: string): Promise<string> {
    const answer = await callSlack('conversations.open', () =>
      this.client.conversations.open({ users: user }),
    );
    const id = answer.channel?.id;
    if (!id) throw new Error(`conversations.open returned no channel for ${user}`);
    return id;
  }

  /** Uploads text as a file into a channel through files.uploadV2 (get URL, upload, complete). */
  async upload(channel: string, file: TextAttachment, comment?: string): Promise<void> {
    await this.pacer.turn(channel);
    await callSlack(
      'files.uploadV2',
      () =>
        this.client.filesUploadV2({
          channel_id: channel,
          file: Buffer.from(file.content, 'utf8'),
          filename: file.name,
          title: file.title,
          ...(comment ? { initial_comment: comment } : {}),
        }),
      channel,
    );
  }
}
