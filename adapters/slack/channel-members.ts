import type { webApi } from '@slack/bolt';
import { callSlack } from './slack-platform-error.ts';

const TTL_MS = 30_000;

/**
 * Who is in a channel (conversations.members, every page), kept half a minute: it decides who
 * sees a private incident in a list, and a list of ten private incidents must not be ten
 * round trips per keystroke.
 */
export class ChannelMembers {
  private readonly cached = new Map<string, { members: Promise<ReadonlySet<string>>; at: number }>();

  constructor(
    private readonly client: webApi.WebClient,
    private readonly now: () => number = Date.now,
  ) {}

  async has(channel: string, userId: string): Promise<boolean> {
    const entry = this.cached.get(channel);
    if (entry && this.now() - entry.at < TTL_MS) return (await entry.members).has(userId);
    const members = this.read(channel);
    this.cached.set(channel, { members, at: this.now() });
    try {
      return (await members).has(userId);
    } catch (error) {
      this.cached.delete(channel);
      throw error;
    }
  }

  private async read(channel: string): Promise<ReadonlySet<string>> {
    const members = new Set<string>();
    let cursor: string | undefined;
    do {
      const answer = await callSlack(
        'conversations.members',
        () => this.client.conversations.members({ channel, limit: 1000, ...(cursor ? { cursor } : {}) }),
        channel,
      );
      for (const id of answer.members ?? []) members.add(id);
      cursor = answer.response_metadata?.next_cursor || undefined;
    } while (cursor);
    return members;
  }
}
