import { defaultSeed } from './workspace-seed.ts';
import type {
  FakeChannel,
  FakeEphemeral,
  FakeFile,
  FakeMessage,
  FakeTeam,
  FakeUser,
  FakeUsergroup,
  FakeView,
  WorkspaceSeed,
} from './workspace-types.ts';

/** Compares two Slack `ts` strings ("<sec>.<6 digits>") numerically. */
export function compareTs(a: string, b: string): number {
  const [as = '0', af = '0'] = a.split('.');
  const [bs = '0', bf = '0'] = b.split('.');
  return Number(as) - Number(bs) || Number(af.padEnd(6, '0')) - Number(bf.padEnd(6, '0'));
}

/** Where a message with this ts goes in a ts-ordered list: after every message not later than it. */
function insertionIndex(list: readonly FakeMessage[], ts: string): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compareTs((list[middle] as FakeMessage).ts, ts) <= 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

export type NewMessage = Partial<FakeMessage> & { text?: string };

/**
 * The fake's in-memory workspace: team, bot, users, channels, messages (with threads, pins,
 * reactions), ephemeral messages, files, user groups and open views. Web API handlers read and
 * write it; tests may seed or inspect it directly.
 */
export class FakeWorkspace {
  readonly team: FakeTeam;
  readonly botUser: FakeUser;
  readonly appId: string;
  readonly users = new Map<string, FakeUser>();
  readonly channels = new Map<string, FakeChannel>();
  readonly usergroups = new Map<string, FakeUsergroup>();
  readonly files = new Map<string, FakeFile>();
  readonly views = new Map<string, FakeView>();
  readonly ephemerals: FakeEphemeral[] = [];
  private readonly messagesByChannel = new Map<string, FakeMessage[]>();
  private lastMicros = 0;
  private seq = 0;

  constructor(
    seed: WorkspaceSeed = {},
    private readonly clock: () => number = Date.now,
  ) {
    const base = defaultSeed();
    this.team = seed.team ?? base.team;
    this.botUser = seed.botUser ?? base.botUser;
    this.appId = seed.appId ?? base.appId;
    this.users.set(this.botUser.id, this.botUser);
    for (const u of seed.users ?? base.users) this.users.set(u.id, u);
    for (const c of seed.channels ?? base.channels) this.channels.set(c.id, c);
    for (const g of seed.usergroups ?? base.usergroups) this.usergroups.set(g.id, g);
  }

  get botId(): string {
    return this.botUser.bot_id ?? 'B0FAKEBOT';
  }

  /** Seconds since the epoch, from the workspace clock. */
  nowSec(): number {
    return Math.floor(this.clock() / 1000);
  }

  /** A new, strictly increasing message timestamp, "<sec>.<6 digits>". */
  nextTs(): string {
    const micros = Math.max(this.clock() * 1000, this.lastMicros + 1);
    this.lastMicros = micros;
    const sec = Math.floor(micros / 1_000_000);
    return `${sec}.${String(micros % 1_000_000).padStart(6, '0')}`;
  }

  /** A new Slack-looking id: prefix + 10 upper-case alphanumerics, unique in this workspace. */
  newId(prefix: string): string {
    this.seq += 1;
    return `${prefix}0${this.seq.toString(36).toUpperCase().padStart(9, '0')}`;
  }

  addUser(user: Partial<FakeUser> & { id?: string; name: string }): FakeUser {
    const full: FakeUser = {
      id: user.id ?? this.newId('U'),
      real_name: user.name,
      is_bot: false,
      is_admin: false,
      deleted: false,
      tz: 'UTC',
      email: `${user.name}@example.test`,
      ...user,
    } as FakeUser;
    this.users.set(full.id, full);
    return full;
  }

  addChannel(channel: Partial<FakeChannel> & { name: string }): FakeChannel {
    const full: FakeChannel = {
      id: channel.id ?? this.newId(channel.is_private ? 'G' : 'C'),
      is_private: false,
      is_im: false,
      is_archived: false,
      created: this.nowSec(),
      creator: this.botUser.id,
      members: [],
      topic: '',
      purpose: '',
      ...channel,
    };
    this.channels.set(full.id, full);
    return full;
  }

  /** Finds a channel by id, or by name with or without a leading '#'. */
  findChannel(idOrName: string): FakeChannel | undefined {
    const byId = this.channels.get(idOrName);
    if (byId) return byId;
    const name = idOrName.replace(/^#/, '');
    return [...this.channels.values()].find((c) => !c.is_im && c.name === name);
  }

  /** The IM channel between the bot and `userId`, created on first use. */
  openIm(userId: string): FakeChannel {
    const existing = [...this.channels.values()].find((c) => c.is_im && c.user === userId);
    if (existing) return existing;
    return this.addChannel({
      id: this.newId('D'),
      name: userId,
      is_im: true,
      is_private: true,
      user: userId,
      members: [this.botUser.id, userId],
    });
  }

  /** Every message of a channel (top-level and replies), oldest first. */
  messages(channelId: string): FakeMessage[] {
    let list = this.messagesByChannel.get(channelId);
    if (!list) {
      list = [];
      this.messagesByChannel.set(channelId, list);
    }
    return list;
  }

  /** Messages shown in the channel itself (no thread replies except broadcasts), oldest first. */
  topLevel(channelId: string): FakeMessage[] {
    return this.messages(channelId).filter(
      (m) => !m.thread_ts || m.thread_ts === m.ts || m.subtype === 'thread_broadcast',
    );
  }

  /** The thread's parent followed by its replies, oldest first; empty when there is no such message. */
  thread(channelId: string, ts: string): FakeMessage[] {
    const msg = this.findMessage(channelId, ts);
    if (!msg) return [];
    const rootTs = msg.thread_ts ?? msg.ts;
    const root = this.findMessage(channelId, rootTs);
    const replies = this.messages(channelId).filter((m) => m.thread_ts === rootTs && m.ts !== rootTs);
    return root ? [root, ...replies] : replies;
  }

  findMessage(channelId: string, ts: string): FakeMessage | undefined {
    return this.messages(channelId).find((m) => m.ts === ts);
  }

  /** Stores a message (keeping thread bookkeeping on the parent) and returns it. */
  addMessage(channelId: string, message: NewMessage): FakeMessage {
    const full: FakeMessage = {
      type: 'message',
      text: '',
      team: this.team.id,
      ...message,
      ts: message.ts ?? this.nextTs(),
    };
    const list = this.messages(channelId);
    // Kept in ts order by inserting in place: re-sorting on every add made the fake itself the
    // bottleneck of the benchmarks (most of the CPU once a channel held thousands of echoes).
    list.splice(insertionIndex(list, full.ts), 0, full);
    if (full.thread_ts && full.thread_ts !== full.ts) {
      const parent = this.findMessage(channelId, full.thread_ts);
      if (parent) {
        parent.thread_ts = parent.ts;
        parent.reply_count = (parent.reply_count ?? 0) + 1;
        const author = full.user ?? this.botUser.id;
        parent.reply_users = [...new Set([...(parent.reply_users ?? []), author])];
        parent.latest_reply = full.ts;
      }
    }
    return full;
  }

  /** Messages pinned in a channel, oldest first. */
  pins(channelId: string): FakeMessage[] {
    return this.messages(channelId).filter((m) => m.pinned_to?.includes(channelId));
  }
}
