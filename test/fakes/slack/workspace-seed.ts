import type { FakeChannel, FakeTeam, FakeUser, FakeUsergroup } from './workspace-types.ts';

/** Well-known ids of the default workspace, for tests to refer to. */
export const FAKE_IDS = {
  team: 'T0FAKE',
  app: 'A0FAKEAPP',
  botUser: 'U0FAKEBOT',
  bot: 'B0FAKEBOT',
  alice: 'U0ALICE',
  bob: 'U0BOB',
  carol: 'U0CAROL',
  /** A deactivated user. */
  dave: 'U0DAVE',
  general: 'C0GENERAL',
  /** Public channel the bot is NOT a member of. */
  random: 'C0RANDOM',
  /** Archived public channel the bot is a member of. */
  archived: 'C0ARCHIVED',
  /** Private channel the bot is a member of. */
  secret: 'G0SECRET',
  /** Private channel the bot is NOT a member of (invisible to it). */
  hidden: 'G0HIDDEN',
  oncallGroup: 'S0ONCALL',
} as const;

const CREATED = 1_700_000_000;

function user(id: string, name: string, realName: string, extra: Partial<FakeUser> = {}): FakeUser {
  return {
    id,
    name,
    real_name: realName,
    is_bot: false,
    is_admin: false,
    deleted: false,
    tz: 'Europe/London',
    email: `${name}@example.test`,
    ...extra,
  };
}

function channel(id: string, name: string, members: string[], extra: Partial<FakeChannel> = {}): FakeChannel {
  return {
    id,
    name,
    is_private: false,
    is_im: false,
    is_archived: false,
    created: CREATED,
    creator: FAKE_IDS.alice,
    members,
    topic: '',
    purpose: '',
    ...extra,
  };
}

export interface DefaultSeed {
  team: FakeTeam;
  botUser: FakeUser;
  appId: string;
  users: FakeUser[];
  channels: FakeChannel[];
  usergroups: FakeUsergroup[];
}

/** A fresh copy of the default workspace (safe to mutate). */
export function defaultSeed(): DefaultSeed {
  const { alice, bob, carol, dave, botUser } = FAKE_IDS;
  const bot = user(botUser, 'tocsin', 'Tocsin', { is_bot: true, bot_id: FAKE_IDS.bot, tz: 'UTC' });
  delete bot.email;
  return {
    team: { id: FAKE_IDS.team, domain: 'tocsin-fake', name: 'Tocsin Fake' },
    botUser: bot,
    appId: FAKE_IDS.app,
    users: [
      user(alice, 'alice', 'Alice Archer', { is_admin: true }),
      user(bob, 'bob', 'Bob Baker', { tz: 'America/New_York' }),
      user(carol, 'carol', 'Carol Chen', { tz: 'Asia/Tokyo' }),
      user(dave, 'dave', 'Dave Deleted', { deleted: true }),
    ],
    channels: [
      channel(FAKE_IDS.general, 'general', [botUser, alice, bob, carol]),
      channel(FAKE_IDS.random, 'random', [alice, bob]),
      channel(FAKE_IDS.archived, 'inc-2023-old', [botUser, alice], { is_archived: true }),
      channel(FAKE_IDS.secret, 'secret-ops', [botUser, alice], { is_private: true }),
      channel(FAKE_IDS.hidden, 'hr-private', [bob], { is_private: true }),
    ],
    usergroups: [{ id: FAKE_IDS.oncallGroup, handle: 'oncall', name: 'On-call', users: [alice, bob] }],
  };
}
