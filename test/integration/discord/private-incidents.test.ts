import { afterEach, describe, expect, it } from 'vitest';
import { DiscordTestBot } from './discord-test-bot.ts';

const VIEW_CHANNEL = 1n << 10n;

let bot: DiscordTestBot;

afterEach(async () => {
  await bot?.dispose();
});

async function declarePrivately(): Promise<string> {
  bot = await DiscordTestBot.start({
    config: (ids) => ({ discord: { announce_channel: 'announcements', responders: [ids.oncallRoleId] } }),
  });
  bot.fake.state.addChannel({ name: 'announcements', type: 0 });
  await bot.slash('start', { severity: 'sev1', title: 'customer data exposed', private: true });
  return bot.channelNamed('inc-1-').id;
}

describe('a private incident in Discord', () => {
  it('opens a channel that @everyone cannot see and the declarer can', async () => {
    const channelId = await declarePrivately();
    const { state } = bot.fake;
    expect(state.permissionsOf(bot.ids.bobId, channelId) & VIEW_CHANNEL).toBe(0n);
    expect(state.permissionsOf(bot.ids.aliceId, channelId) & VIEW_CHANNEL).toBe(VIEW_CHANNEL);
    expect(state.permissionsOf(bot.ids.botUserId, channelId) & VIEW_CHANNEL).toBe(VIEW_CHANNEL);
  });

  it('is announced neither in the announce channel nor where it was declared', async () => {
    await declarePrivately();
    const announcements = bot.botMessages(bot.channelNamed('announcements').id);
    const general = bot.botMessages(bot.ids.generalChannelId).map((message) => message.content);
    expect(announcements).toEqual([]);
    expect(general.join('\n')).not.toContain('customer data exposed');
  });

  it('is left out of /incident list for a member who cannot see its channel, and shown to one who can', async () => {
    await declarePrivately();
    const bobs = await bot.slash('list', {}, { userId: bot.ids.bobId });
    const alices = await bot.slash('list', {}, { userId: bot.ids.aliceId });
    expect(bot.privateReplies(bobs).join('\n')).toContain('No open incidents.');
    expect(bot.privateReplies(alices).join('\n')).toContain('customer data exposed');
  });

  it('is shown to someone holding a responders role, whom its channel lets in', async () => {
    const channelId = await declarePrivately();
    const carol = bot.fake.state.addHuman('carol', [bot.ids.oncallRoleId]);
    expect(bot.fake.state.permissionsOf(carol.id, channelId) & VIEW_CHANNEL).toBe(VIEW_CHANNEL);
    const carols = await bot.slash('list', {}, { userId: carol.id });
    expect(bot.privateReplies(carols).join('\n')).toContain('customer data exposed');
  });
});
