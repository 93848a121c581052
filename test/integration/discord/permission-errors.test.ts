import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SUMMARY_IDS } from '../../../adapters/discord/custom-ids.ts';
import type { FakeChannel } from '../../fakes/discord/index.ts';
import { DiscordTestBot } from './discord-test-bot.ts';

let bot: DiscordTestBot;

beforeEach(async () => {
  bot = await DiscordTestBot.start();
});

afterEach(async () => {
  const problems = bot.protocolProblems();
  await bot.dispose();
  expect(problems).toEqual([]);
});

async function declared(): Promise<FakeChannel> {
  await bot.slash('start', { title: 'Disk full on db-3' });
  return bot.channelNamed('inc-1-');
}

describe('missing permissions are explained to the person, naming the permission', () => {
  it('refuses /incident start without Manage Channels, and records nothing', async () => {
    bot.fake.setBotPermissions({ manageChannels: false });
    const built = await bot.slash('start', { title: 'Disk full on db-3' });
    expect(bot.privateReplies(built)).toEqual([expect.stringContaining('**Manage Channels** permission')]);
    expect(await bot.app.store.openIncidents({ platform: 'discord', workspace: bot.ids.guildId })).toEqual(
      [],
    );
    expect(bot.fake.rest.requestsTo('POST', '/guilds/:id/channels')).toEqual([]);
  });

  it('refuses a command in a channel where it cannot post, naming Send Messages', async () => {
    const channel = await declared();
    bot.fake.setBotPermissions({ sendMessages: false }, { channelId: channel.id });
    const built = await bot.slash('note', { text: 'df shows 100%' }, { channelId: channel.id });
    expect(bot.privateReplies(built)).toEqual([
      expect.stringContaining('**Send Messages** permission in <#'),
    ]);
    expect((await bot.events(1)).some((event) => event.type === 'note_added')).toBe(false);
  });

  it('declares without Manage Messages, but says the summary cannot be pinned', async () => {
    bot.fake.setBotPermissions({ manageMessages: false });
    const built = await bot.slash('start', { title: 'Disk full on db-3' });
    expect(bot.privateReplies(built)).toEqual([expect.stringContaining('**Manage Messages** permission')]);
    const channel = bot.channelNamed('inc-1-');
    expect(bot.fake.state.messages.pins(channel.id)).toEqual([]);
    const [summary, notice] = bot.botMessages(channel.id);
    expect(summary?.embeds).toHaveLength(1);
    expect(notice?.content).toContain('I could not pin');
    expect(notice?.content).toContain('**Manage Messages**');

    // The unpinned summary is still found and edited in place, not posted again.
    await bot.slash('sev', { severity: 'sev1' }, { channelId: channel.id });
    const summaries = bot.botMessages(channel.id).filter((message) => message.embeds.length > 0);
    expect(summaries).toHaveLength(1);
    expect(JSON.stringify(summaries[0]?.embeds)).toContain('SEV1');
  });

  it('refuses a postmortem without Read Message History, which backfill needs', async () => {
    const channel = await declared();
    bot.fake.setBotPermissions({ readMessageHistory: false }, { channelId: channel.id });
    const built = await bot.slash('postmortem', {}, { channelId: channel.id });
    expect(bot.privateReplies(built)).toEqual([
      expect.stringContaining('**Read Message History** permission'),
    ]);
  });

  it('refuses a postmortem without Attach Files, which the draft needs', async () => {
    const channel = await declared();
    bot.fake.setBotPermissions({ attachFiles: false }, { channelId: channel.id });
    const built = await bot.slash('postmortem', {}, { channelId: channel.id });
    expect(bot.privateReplies(built)).toEqual([expect.stringContaining('**Attach Files** permission')]);
  });

  it('tells the clicker when a recorded click cannot be posted in the channel', async () => {
    const channel = await declared();
    bot.fake.setBotPermissions({ sendMessages: false }, { channelId: channel.id });
    const built = await bot.click(SUMMARY_IDS.resolve, { channelId: channel.id });
    const [reply] = bot.privateReplies(built);
    expect(reply).toContain('That was recorded, but I could not post it in the channel');
    expect(reply).toContain('**Send Messages** permission');
    expect((await bot.events(1)).some((event) => event.type === 'resolved')).toBe(true);
  });

  it('tells the declaring channel when the incident channel cannot be created, and does not retry', async () => {
    bot.fake.rest.failNext('POST /guilds/:id/channels', { status: 403, code: 50013 }, 10);
    await bot.slash('start', { title: 'Disk full on db-3' });
    expect(bot.fake.rest.requestsTo('POST', '/guilds/:id/channels')).toHaveLength(1);
    const said = bot.botMessages(bot.ids.generalChannelId).map((message) => message.content);
    expect(said).toContainEqual(
      expect.stringMatching(/I could not open a channel for INC-1\. .*\*\*Manage Channels\*\*/),
    );
  });
});
