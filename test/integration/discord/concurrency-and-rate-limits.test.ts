import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BuiltInteraction } from '../../fakes/discord/index.ts';
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

describe('many interactions at once', () => {
  it('answers 50 concurrent slash commands, each once, and records all 50', async () => {
    await bot.slash('start', { title: 'Queue backlog' });
    const channel = bot.channelNamed('inc-1-');
    const sent: BuiltInteraction[] = Array.from({ length: 50 }, (_, i) =>
      bot.fake.gateway.slashCommand({
        name: 'incident',
        subcommand: 'note',
        options: { text: `finding ${i}` },
        channelId: channel.id,
        userId: i % 2 === 0 ? bot.ids.aliceId : bot.ids.bobId,
      }),
    );
    await Promise.all(sent.map((built) => bot.answered(built)));
    await bot.settle();

    const callbacks = bot.fake.rest.requestsTo('POST', '/interactions/:id/:token/callback');
    for (const built of sent) {
      const mine = callbacks.filter((request) => request.path.includes(built.id));
      expect(mine.map((request) => request.status)).toEqual([204]);
    }
    const notes = (await bot.events(1)).filter((event) => event.type === 'note_added');
    expect(notes.map((event) => event.type === 'note_added' && event.text).sort()).toEqual(
      Array.from({ length: 50 }, (_, i) => `finding ${i}`).sort(),
    );
    const posted = bot
      .botMessages(channel.id)
      .filter((message) => message.content.startsWith('Noted: finding'));
    expect(posted).toHaveLength(50);
  });
});

describe('rate limits', () => {
  it('waits out a 429 as long as retry_after says, then posts the message', async () => {
    await bot.slash('start', { title: 'DNS flapping' });
    const channel = bot.channelNamed('inc-1-');
    bot.fake.rest.failNext(`POST /channels/${channel.id}/messages`, {
      status: 429,
      retryAfter: 1,
      exactRetryAfterHeader: true,
    });
    const built = await bot.slash('note', { text: 'resolver pool drained' }, { channelId: channel.id });

    const posts = bot.fake.rest.requestsTo('POST', `/channels/${channel.id}/messages`).slice(-2);
    expect(posts.map((request) => request.status)).toEqual([429, 200]);
    expect((posts[1]?.at ?? 0) - (posts[0]?.at ?? 0)).toBeGreaterThanOrEqual(950);
    expect(bot.botMessages(channel.id).map((message) => message.content)).toContain(
      'Noted: resolver pool drained',
    );
    // Nothing went wrong from the person's point of view: the placeholder was simply removed.
    expect(bot.privateReplies(built)).toEqual([]);
  });

  it('survives a 429 on the interaction callback itself and still answers', async () => {
    bot.fake.rest.failNext('POST /interactions/:id/:token/callback', {
      status: 429,
      retryAfter: 0.2,
      exactRetryAfterHeader: true,
    });
    const built = bot.fake.gateway.slashCommand({ name: 'incident', subcommand: 'help' });
    await bot.fake.rest.waitForRequest('POST', '/interactions/:id/:token/callback', {
      where: (request) => request.path.includes(built.id) && request.status === 204,
      timeoutMs: 10_000,
    });
    await bot.settle();
    expect(bot.privateReplies(built)[0]).toContain('Incident commands');
  });
});
