import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoredEvent } from '../../../src/core/model/events.ts';
import type { FakeChannel } from '../../fakes/discord/index.ts';
import { DiscordTestBot } from './discord-test-bot.ts';

let bot: DiscordTestBot;
let channel: FakeChannel;

beforeEach(async () => {
  bot = await DiscordTestBot.start();
  await bot.slash('start', { title: 'Payments timing out' });
  channel = bot.channelNamed('inc-1-');
});

afterEach(async () => {
  const problems = bot.protocolProblems();
  await bot.dispose();
  expect(problems).toEqual([]);
});

async function chatter(): Promise<StoredEvent[]> {
  return (await bot.events(1)).filter((event) => event.type.startsWith('message_'));
}

describe('capturing the incident channel', () => {
  it('records a message with Discord’s own timestamp and the author’s name', async () => {
    const message = await bot.say('p99 is 12s on checkout', channel.id, bot.ids.bobId);
    expect(await chatter()).toEqual([
      expect.objectContaining({
        type: 'message_captured',
        messageId: message.id,
        text: 'p99 is 12s on checkout',
        occurredAt: message.timestamp,
        actor: { id: bot.ids.bobId, name: 'Bob' },
      }),
    ]);
  });

  it('ignores channels without an incident, and the bot’s own messages', async () => {
    await bot.say('lunch?', bot.ids.generalChannelId);
    await bot.slash('note', { text: 'the bot posts this' }, { channelId: channel.id });
    expect(bot.botMessages(channel.id).length).toBeGreaterThan(1);
    expect(await chatter()).toEqual([]);
  });

  it('records edits and deletions', async () => {
    const message = await bot.say('db-2 looks fine', channel.id);
    const edited = bot.fake.gateway.messageUpdate({
      channelId: channel.id,
      messageId: message.id,
      content: 'db-2 is NOT fine',
    });
    await bot.settle();
    bot.fake.gateway.messageDelete({ channelId: channel.id, messageId: message.id });
    await bot.settle();
    const [, edit, deletion] = await chatter();
    expect(edit).toMatchObject({
      type: 'message_edited',
      messageId: message.id,
      text: 'db-2 is NOT fine',
      editedAt: edited.editedTimestamp,
    });
    expect(deletion).toMatchObject({ type: 'message_deleted', messageId: message.id });
  });

  it('promotes a message to the timeline with 📌 and demotes it when the 📌 is removed', async () => {
    const message = await bot.say('root cause: connection pool of 5', channel.id, bot.ids.bobId);
    bot.fake.gateway.reactionAdd({ channelId: channel.id, messageId: message.id, emoji: '📌' });
    await bot.settle();
    bot.fake.gateway.reactionAdd({ channelId: channel.id, messageId: message.id, emoji: '👀' });
    await bot.settle();
    bot.fake.gateway.reactionRemove({ channelId: channel.id, messageId: message.id, emoji: '📌' });
    await bot.settle();
    expect((await chatter()).map((event) => event.type)).toEqual([
      'message_captured',
      'message_promoted',
      'message_demoted',
    ]);
  });

  it('keeps a message promoted while someone else’s 📌 is still on it', async () => {
    const message = await bot.say('mitigation: raise pool to 50', channel.id);
    bot.fake.gateway.reactionAdd({ channelId: channel.id, messageId: message.id, userId: bot.ids.aliceId });
    await bot.settle();
    bot.fake.gateway.reactionAdd({ channelId: channel.id, messageId: message.id, userId: bot.ids.bobId });
    await bot.settle();
    bot.fake.gateway.reactionRemove({
      channelId: channel.id,
      messageId: message.id,
      userId: bot.ids.aliceId,
    });
    await bot.settle();
    expect((await chatter()).map((event) => event.type)).toEqual([
      'message_captured',
      'message_promoted',
      'message_promoted',
    ]);
  });

  it('promotes with 📌 a message this process never saw (partials), e.g. after a restart', async () => {
    const message = await bot.say('it was the cron job', channel.id);
    await bot.restart();
    bot.fake.gateway.reactionAdd({ channelId: channel.id, messageId: message.id });
    await bot.settle();
    expect((await chatter()).map((event) => event.type)).toEqual(['message_captured', 'message_promoted']);
  });

  it('files messages of a thread inside the incident channel under the incident, with the thread id', async () => {
    const thread = bot.fake.state.addChannel({ name: 'db deep-dive', type: 11, parentId: channel.id });
    await bot.settle();
    await bot.say('pg_stat_activity shows 400 idle', thread.id);
    expect(await chatter()).toEqual([
      expect.objectContaining({
        type: 'message_captured',
        threadId: thread.id,
        text: 'pg_stat_activity shows 400 idle',
      }),
    ]);
  });

  it('records a message whose text lives only in an embed, as alerting bots post them', async () => {
    bot.fake.gateway.messageCreate({
      channelId: channel.id,
      authorId: bot.ids.bobId,
      embeds: [{ title: 'FIRING: HighLatency', description: 'checkout p99 > 5s' }],
    });
    await bot.settle();
    expect(await chatter()).toEqual([
      expect.objectContaining({ text: 'FIRING: HighLatency: checkout p99 > 5s' }),
    ]);
  });
});
