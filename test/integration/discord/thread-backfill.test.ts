import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FakeChannel } from '../../fakes/discord/index.ts';
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

function thread(name: string, archived: boolean): FakeChannel {
  const created = bot.fake.state.addChannel({
    name,
    type: 11,
    parentId: channel.id,
    ownerId: bot.ids.aliceId,
  });
  if (created.threadMetadata) created.threadMetadata.archived = archived;
  return created;
}

describe('backfill after a restart, in the incident channel’s threads', () => {
  it('captures what was said in an active thread and an archived one, each marked with its thread', async () => {
    let active: FakeChannel | undefined;
    let archived: FakeChannel | undefined;
    await bot.restart(() => {
      active = thread('db side', false);
      archived = thread('old theory', false);
      bot.fake.gateway.messageCreate({ channelId: active.id, content: 'replica lag is 40s' });
      bot.fake.gateway.messageCreate({
        channelId: archived.id,
        authorId: bot.ids.bobId,
        content: 'it was not DNS',
      });
      if (archived.threadMetadata) archived.threadMetadata.archived = true;
    });
    const captured = (await bot.events(1)).filter((event) => event.type === 'message_captured');
    expect(
      captured.map((event) => event.type === 'message_captured' && [event.text, event.threadId]),
    ).toEqual([
      ['replica lag is 40s', active?.id],
      ['it was not DNS', archived?.id],
    ]);
  });

  it('asks Discord for the archived threads, public and private, at the restart', async () => {
    const asked = (kind: string) =>
      bot.fake.rest.requestsTo('GET', `/channels/${channel.id}/threads/archived/${kind}`).length;
    const before = [asked('public'), asked('private')];
    await bot.restart();
    expect([asked('public'), asked('private')]).toEqual([(before[0] ?? 0) + 1, (before[1] ?? 0) + 1]);
  });
});
