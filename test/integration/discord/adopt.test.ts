import { afterEach, describe, expect, it } from 'vitest';
import { DiscordTestBot } from './discord-test-bot.ts';

let bot: DiscordTestBot;
/** How far the fake Discord's clock is behind ours: messages "said earlier" get earlier snowflakes. */
let behindMs = 0;

afterEach(async () => {
  await bot?.dispose();
  behindMs = 0;
});

async function talkedBefore(): Promise<void> {
  const say = (minutesAgo: number, content: string, authorId = bot.ids.bobId) => {
    behindMs = minutesAgo * 60_000;
    bot.fake.gateway.messageCreate({ content, authorId });
  };
  say(120, 'lunch plans?');
  say(30, 'checkout is throwing 502s', bot.ids.aliceId);
  say(20, 'same here, since the deploy');
  behindMs = 0;
}

async function adopted(): Promise<void> {
  // Snowflakes only grow: the fake starts its clock before the oldest message said.
  behindMs = 130 * 60_000;
  bot = await DiscordTestBot.start({ fake: { now: () => Date.now() - behindMs } });
  // Said while the bot was away, so only the channel's history has it.
  await bot.restart(talkedBefore);
  await bot.slash('adopt', { title: 'sev2 checkout errors' });
}

/**
 * #general's threads, said in while the bot was away, before `since` (2 h ago) and after it, in
 * time order (the fake's snowflakes only grow): an active thread, an archived public one and an
 * archived private one.
 */
function talkedInThreads(): Record<string, string> {
  const thread = (name: string, type: 11 | 12) =>
    bot.fake.state.addChannel({ name, type, parentId: bot.ids.generalChannelId, ownerId: bot.ids.aliceId });
  const say = (channelId: string, minutesAgo: number, content: string) => {
    behindMs = minutesAgo * 60_000;
    bot.fake.gateway.messageCreate({ channelId, content, authorId: bot.ids.bobId });
  };
  behindMs = 125 * 60_000;
  const threads = [thread('db side', 11), thread('old theory', 11), thread('war room', 12)];
  const [active, archivedPublic, archivedPrivate] = threads.map((created) => created.id) as [
    string,
    string,
    string,
  ];
  say(active, 121, 'db thread before since');
  talkedBefore();
  say(active, 19, 'replica lag is 40s');
  say(archivedPublic, 18, 'it was not DNS');
  say(archivedPrivate, 17, 'private: failover at 14:05');
  for (const archived of threads.slice(1))
    if (archived.threadMetadata) archived.threadMetadata.archived = true;
  behindMs = 0;
  return { active, public: archivedPublic, private: archivedPrivate };
}

describe('/incident adopt in Discord', () => {
  it('makes the channel the incident’s, with the summary pinned there and no channel created', async () => {
    await adopted();
    const state = await bot.app.store.state(bot.ref(1));
    expect(state?.channel?.id).toBe(bot.ids.generalChannelId);
    expect(state?.severity).toBe('SEV2');
    expect(bot.fake.rest.requestsTo('POST', '/guilds/:id/channels')).toEqual([]);
    const pinned = bot.botMessages(bot.ids.generalChannelId).filter((message) => message.pinned);
    expect(JSON.stringify(pinned.map((message) => message.embeds))).toContain('checkout errors');
  });

  it('reads back the last hour of the channel, and what is said afterwards, once each', async () => {
    await adopted();
    bot.fake.gateway.messageCreate({ content: 'rolling back now', authorId: bot.ids.bobId });
    await bot.settle();
    const captured = (await bot.events(1)).flatMap((event) =>
      event.type === 'message_captured' ? [event.text] : [],
    );
    expect(captured).toEqual([
      'checkout is throwing 502s',
      'same here, since the deploy',
      'rolling back now',
    ]);
  });

  it('reads back the channel’s threads from `since` too: active, archived public and archived private', async () => {
    behindMs = 130 * 60_000;
    bot = await DiscordTestBot.start({ fake: { now: () => Date.now() - behindMs } });
    let threads: Record<string, string> = {};
    await bot.restart(() => {
      threads = talkedInThreads();
    });
    await bot.slash('adopt', { title: 'sev2 checkout errors' });
    const captured = (await bot.events(1)).flatMap((event) =>
      event.type === 'message_captured' && event.threadId ? [[event.text, event.threadId]] : [],
    );
    expect(captured).toEqual([
      ['replica lag is 40s', threads.active],
      ['it was not DNS', threads.public],
      ['private: failover at 14:05', threads.private],
    ]);
  });
});
