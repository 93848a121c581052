import type { webApi } from '@slack/bolt';
import type { AppConfig } from '../../src/config/config-schema.ts';
import { callSlack } from './slack-platform-error.ts';

const TTL_MS = 60_000;
const USERGROUP_ID = /^S[A-Z0-9]+$/;

/** The user groups the config names (as responders or in a permission rule): the only ones worth reading. */
export function configuredGroups(config: AppConfig): string[] {
  const named = [...config.slack.responders, ...Object.values(config.permissions).flat()];
  return [...new Set(named.filter((id) => USERGROUP_ID.test(id)))];
}

/**
 * Which configured user groups a person is in, for permission rules. Read with
 * usergroups.users.list and kept a minute. A group that cannot be read counts as not containing
 * the person: a permission must never be granted because Slack was unreachable.
 */
export class UserGroups {
  private readonly members = new Map<string, { users: Promise<ReadonlySet<string>>; at: number }>();

  constructor(
    private readonly client: webApi.WebClient,
    private readonly groups: readonly string[],
    private readonly warn: (message: string, error?: unknown) => void,
    private readonly now: () => number = Date.now,
  ) {}

  async of(userId: string): Promise<readonly string[]> {
    const found: string[] = [];
    for (const group of this.groups) {
      if ((await this.membersOf(group)).has(userId)) found.push(group);
    }
    return found;
  }

  private membersOf(group: string): Promise<ReadonlySet<string>> {
    const cached = this.members.get(group);
    if (cached && this.now() - cached.at < TTL_MS) return cached.users;
    const users = this.read(group);
    this.members.set(group, { users, at: this.now() });
    return users;
  }

  private async read(group: string): Promise<ReadonlySet<string>> {
    try {
      const answer = await callSlack('usergroups.users.list', () =>
        this.client.usergroups.users.list({ usergroup: group }),
      );
      return new Set(answer.users ?? []);
    } catch (error) {
      this.members.delete(group);
      this.warn(`could not read user group ${group}; its members count as outside it`, error);
      return new Set();
    }
  }
}
