import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SUMMARY_IDS } from '../../../adapters/discord/custom-ids.ts';
import { DiscordTestBot } from './discord-test-bot.ts';

let bot: DiscordTestBot;

beforeEach(async () => {
  bot = await DiscordTestBot.start({
    config: { discord: { incident_space: 'thread', thread_parent: '#incident-room' } },
  });
  bot.fake.state.addChannel({ name: 'incident-room', type: 0 });
  await bot.settle();
});

afterEach(async () => {
  const problems = bot.protocolProblems();
  await bot.dispose();
  expect(problems).toEqual([]);
});

describe('incidents as threads (discord.incident_space: thread)', () => {
  it('opens a public thread in thread_parent, pins the summary there and adds the declarer', async () => {
    await bot.slash('start', { severity: 'sev3', title: 'Flaky CI runners' });
    const parent = bot.channelNamed('incident-room');
    const thread = bot.channelNamed('inc-1-');
    expect(thread).toMatchObject({ type: 11, parentId: parent.id, name: 'inc-1-flaky-ci-runners' });
    expect(bot.fake.state.messages.pins(thread.id)).toHaveLength(1);
    expect(
      bot.fake.rest.requestsTo('PUT', `/channels/${thread.id}/thread-members/${bot.ids.aliceId}`),
    ).toHaveLength(1);
    expect(bot.fake.rest.requestsTo('POST', '/guilds/:id/channels')).toEqual([]);
    const state = await bot.app.store.state(bot.ref(1));
    expect(state?.channel?.id).toBe(thread.id);
  });

  it('captures the thread and runs the summary controls in it', async () => {
    await bot.slash('start', { title: 'Flaky CI runners' });
    const thread = bot.channelNamed('inc-1-');
    const said = await bot.say('runner-7 keeps OOMing', thread.id, bot.ids.bobId);
    await bot.click(SUMMARY_IDS.resolve, { channelId: thread.id });
    const events = await bot.events(1);
    expect(events.find((event) => event.type === 'message_captured')).toMatchObject({ messageId: said.id });
    expect(events.some((event) => event.type === 'resolved')).toBe(true);
    expect(bot.botMessages(thread.id).map((message) => message.content)).toContainEqual(
      expect.stringContaining('resolved'),
    );
  });

  it('refuses to declare without Create Public Threads in the parent channel', async () => {
    bot.fake.setBotPermissions({ createPublicThreads: false });
    const built = await bot.slash('start', { title: 'Flaky CI runners' });
    expect(bot.privateReplies(built)).toEqual([
      expect.stringContaining('**Create Public Threads** permission'),
    ]);
  });

  it('refuses to declare when thread_parent names no channel, instead of failing later', async () => {
    bot.fake.state.updateChannel(bot.channelNamed('incident-room').id, { name: 'renamed-room' });
    await bot.settle();
    const built = await bot.slash('start', { title: 'Flaky CI runners' });
    expect(bot.privateReplies(built)).toEqual([
      expect.stringContaining('discord.thread_parent ("#incident-room")'),
    ]);
    expect(await bot.app.store.openIncidents({ platform: 'discord', workspace: bot.ids.guildId })).toEqual(
      [],
    );
  });
});
