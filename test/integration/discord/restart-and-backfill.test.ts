import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SUMMARY_IDS } from '../../../adapters/discord/custom-ids.ts';
import type { FakeChannel, FakeMessage } from '../../fakes/discord/index.ts';
import { DiscordTestBot } from './discord-test-bot.ts';

let bot: DiscordTestBot;
let channel: FakeChannel;

beforeEach(async () => {
  bot = await DiscordTestBot.start();
  await bot.slash('start', { title: 'Login storms' });
  channel = bot.channelNamed('inc-1-');
});

afterEach(async () => {
  const problems = bot.protocolProblems();
  await bot.dispose();
  expect(problems).toEqual([]);
});

describe('after a restart', () => {
  it('backfills what was said while the bot was down, with Discord’s timestamps, and nothing twice', async () => {
    const before = await bot.say('seen before the restart', channel.id);
    const missed: FakeMessage[] = [];
    await bot.restart(() => {
      // Nobody is connected: these reach Discord's history only (more than one page of 100).
      for (let i = 0; i < 130; i++) {
        missed.push(
          bot.fake.gateway.messageCreate({
            channelId: channel.id,
            authorId: i % 2 ? bot.ids.bobId : bot.ids.aliceId,
            content: `while down ${i}`,
          }),
        );
      }
    });
    const captured = (await bot.events(1)).filter((event) => event.type === 'message_captured');
    expect(captured.map((event) => event.type === 'message_captured' && event.messageId)).toEqual([
      before.id,
      ...missed.map((message) => message.id),
    ]);
    expect(captured.at(-1)).toMatchObject({
      text: 'while down 129',
      occurredAt: missed.at(-1)?.timestamp,
      actor: { id: bot.ids.bobId, name: 'Bob' },
    });
    expect(
      bot.fake.rest.requestsTo('GET', `/channels/${channel.id}/messages`).at(-1)?.query.after,
    ).toBeDefined();
  });

  it('runs the summary controls with nothing from the old process: finds the pinned summary and edits it', async () => {
    await bot.restart();
    await bot.click(SUMMARY_IDS.resolve, { channelId: channel.id });
    const summaries = bot.botMessages(channel.id).filter((message) => message.embeds.length > 0);
    expect(summaries).toHaveLength(1);
    expect(JSON.stringify(summaries[0]?.embeds)).toContain('resolved');
    expect(
      bot.fake.rest.requestsTo('PATCH', `/channels/${channel.id}/messages/${summaries[0]?.id}`).length,
    ).toBeGreaterThan(0);
  });

  it('puts a message said while the bot was down and then 📌-pinned into the postmortem draft', async () => {
    let missed: FakeMessage | undefined;
    await bot.restart(() => {
      missed = bot.fake.gateway.messageCreate({
        channelId: channel.id,
        content: 'the rate limiter was disabled',
      });
    });
    bot.fake.gateway.reactionAdd({
      channelId: channel.id,
      messageId: missed?.id ?? '',
      userId: bot.ids.bobId,
    });
    await bot.settle();
    await bot.slash('postmortem', { template: 'report' }, { channelId: channel.id });
    const [withFile] = bot.botMessages(channel.id).filter((message) => message.attachments.length > 0);
    expect(withFile?.attachments[0]?.data.toString('utf8')).toContain('rate limiter');
  });
});
