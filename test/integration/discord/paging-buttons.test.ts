import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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

function dmWith(userId: string) {
  const dm = [...bot.fake.state.channels.values()].find(
    (channel) => channel.type === 1 && channel.recipientIds.includes(userId),
  );
  if (!dm) throw new Error(`no DM with ${userId}`);
  return dm;
}

function customIdsOf(components: unknown[]): string[] {
  return JSON.stringify(components).match(/tocsin:[^"]+/g) ?? [];
}

describe('pages reach people where they chat', () => {
  it('DMs the paged person an Acknowledge button and mentions only them in the incident channel', async () => {
    await bot.slash('start', { title: 'Kafka lag' });
    const channel = bot.channelNamed('inc-1-');
    await bot.slash(
      'page',
      { target: `<@${bot.ids.bobId}>`, message: 'consumer lag 2h' },
      { channelId: channel.id },
    );

    const [dm] = bot.botMessages(dmWith(bot.ids.bobId).id);
    expect(dm?.content).toContain('You are paged');
    expect(customIdsOf(dm?.components ?? [])).toEqual([`tocsin:run:${bot.ids.guildId}:${channel.id}:ack`]);
    const mention = bot
      .botMessages(channel.id)
      .find((message) => message.content.startsWith(`<@${bot.ids.bobId}>`));
    expect(mention?.mentionUserIds).toEqual([bot.ids.bobId]);
    expect(mention?.mentionEveryone).toBe(false);
  });

  it('acknowledges the page when the button is pressed in the DM, and says so in the incident channel', async () => {
    await bot.slash('start', { title: 'Kafka lag' });
    const channel = bot.channelNamed('inc-1-');
    await bot.slash('page', { target: `<@${bot.ids.bobId}>` }, { channelId: channel.id });
    const dm = dmWith(bot.ids.bobId);
    const [paged] = bot.botMessages(dm.id);
    const built = await bot.click(`tocsin:run:${bot.ids.guildId}:${channel.id}:ack`, {
      channelId: dm.id,
      userId: bot.ids.bobId,
      messageId: paged?.id ?? '',
    });
    const events = await bot.events(1);
    expect(events.find((event) => event.type === 'acknowledged')?.actor).toEqual({
      id: bot.ids.bobId,
      name: 'Bob',
    });
    expect(bot.botMessages(channel.id).map((message) => message.content)).toContain(
      'Bob acknowledged the page.',
    );
    expect(bot.privateReplies(built)).toEqual([`Posted in <#${channel.id}>.`]);
  });
});
