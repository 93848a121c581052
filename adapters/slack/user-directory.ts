import type { webApi } from '@slack/bolt';
import type { Actor } from '../../src/core/public-api.ts';

const TTL_MS = 60 * 60 * 1000;
const MAX_ENTRIES = 5000;

interface Entry {
  name: Promise<string>;
  at: number;
}

/**
 * The names people go by, for events that carry only a user id (messages, reactions). A cache
 * of a lookup, not of incident state: losing it costs one users.info call per person.
 */
export class UserDirectory {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly client: webApi.WebClient,
    private readonly now: () => number = Date.now,
  ) {}

  async actor(userId: string): Promise<Actor> {
    return { id: userId, name: await this.name(userId) };
  }

  /** Seeds a name a payload already carried (slash commands, button presses). */
  remember(userId: string, name: string): void {
    if (name) this.entries.set(userId, { name: Promise.resolve(name), at: this.now() });
  }

  name(userId: string): Promise<string> {
    const cached = this.entries.get(userId);
    if (cached && this.now() - cached.at < TTL_MS) return cached.name;
    const name = this.lookup(userId);
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(userId, { name, at: this.now() });
    return name;
  }

  private async lookup(userId: string): Promise<string> {
    try {
      const answer = await this.client.users.info({ user: userId });
      const user = answer.user;
      return user?.profile?.display_name || user?.name || user?.real_name || userId;
    } catch {
      // A name is a nicety: an unknown or unreadable user is shown by id, and looked up again later.
      this.entries.delete(userId);
      return userId;
    }
  }
}
