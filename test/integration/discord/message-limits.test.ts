import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IncidentEvent } from '../../../src/core/model/events.ts';
import type { FakeChannel, FakeMessage } from '../../fakes/discord/index.ts';
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

async function declared(title = 'Search index is stale'): Promise<FakeChannel> {
  await bot.slash('start', { title });
  return bot.channelNamed('inc-1-');
}

/** Every request Discord would have refused (400 Invalid Form Body and the like). */
function refused(): string[] {
  return bot.fake.rest.requests
    .filter((request) => (request.status ?? 0) >= 400 && request.status !== 429)
    .map(
      (request) =>
        `${request.method} ${request.path} ${request.status} ${JSON.stringify(request.responseBody)}`,
    );
}

describe('Discord limits: long output is split or attached, never rejected', () => {
  it('splits a 4000-character note into messages of at most 2000 characters', async () => {
    const channel = await declared();
    const text = Array.from({ length: 400 }, (_, i) => `step${i}`)
      .join(' ')
      .slice(0, 4000);
    await bot.slash('note', { text }, { channelId: channel.id });
    const parts = bot
      .botMessages(channel.id)
      .filter((message) => !message.embeds.length)
      .slice(-3);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(part.content.length).toBeLessThanOrEqual(2000);
    expect(parts.map((part) => part.content).join(' ')).toBe(`Noted: ${text}`);
    expect(refused()).toEqual([]);
  });

  it('attaches a 500-entry timeline as a file under a short ephemeral message', async () => {
    await declared();
    const ref = bot.ref(1);
    const state = await bot.app.store.state(ref);
    if (!state) throw new Error('no incident');
    const base = Date.parse(state.declaredAt);
    const notes: IncidentEvent[] = Array.from({ length: 499 }, (_, i) => ({
      type: 'note_added',
      text: `observation number ${i} about shard ${i % 7}`,
      occurredAt: new Date(base + (i + 1) * 1000).toISOString(),
      at: new Date(base + (i + 1) * 1000).toISOString(),
      actor: { id: bot.ids.aliceId, name: 'Alice' },
      origin: { platform: 'discord', workspace: bot.ids.guildId, channel: state.channel?.id ?? '' },
    }));
    expect(await bot.app.store.appendIfRevision(ref, state.revision, notes)).toBe(true);

    const built = await bot.slash('timeline', {}, { channelId: state.channel?.id ?? '' });
    const requests = bot.webhookRequests(built).filter((request) => request.method !== 'DELETE');
    expect(requests).toHaveLength(1);
    const content = String((requests[0]?.body as { content?: string } | undefined)?.content);
    expect(content.length).toBeLessThanOrEqual(2000);
    expect(content).toContain('Timeline of INC-1 (500 entries)');
    const [file] = requests[0]?.files ?? [];
    expect(file?.filename).toMatch(/\.txt$/);
    const lines = file?.data.toString('utf8').split('\n') ?? [];
    expect(lines).toHaveLength(501);
    expect(lines.at(-1)).toContain('observation number 498 about shard 1');
    expect(refused()).toEqual([]);
  });

  it('keeps the summary embed within 25 fields and 6000 characters with 40 long action items', async () => {
    const channel = await declared('T'.repeat(150));
    for (let i = 0; i < 40; i++) {
      await bot.slash(
        'action',
        { text: `${'rebuild the index nightly '.repeat(19)}${i}` },
        { channelId: channel.id },
      );
    }
    await bot.slash('resolve', { summary: 'R'.repeat(4000) }, { channelId: channel.id });
    const [summary] = bot.fake.state.messages.pins(channel.id) as FakeMessage[];
    const embed = summary?.embeds[0] as {
      title: string;
      description: string;
      fields: { name: string; value: string }[];
    };
    expect(embed.fields.length).toBeLessThanOrEqual(25);
    expect(embed.title.length).toBeLessThanOrEqual(256);
    expect(embed.description.length).toBeLessThanOrEqual(4096);
    const size =
      embed.title.length +
      embed.description.length +
      embed.fields.reduce((sum, field) => sum + field.name.length + field.value.length, 0);
    expect(size).toBeLessThanOrEqual(6000);
    expect(embed.fields.at(-1)?.value).toMatch(/more (action items|not shown)/);
    expect(bot.fake.rest.requestsTo('PATCH', `/channels/${channel.id}/messages/:id`).length).toBeGreaterThan(
      40,
    );
    expect(refused()).toEqual([]);
  });
});

describe('mass mentions', () => {
  it('never pings @everyone, @here or a role because of what someone typed', async () => {
    const title = `@everyone @here <@&${bot.ids.oncallRoleId}> db down`;
    await bot.slash('start', { title });
    const channel = bot.channelNamed('inc-1-');
    await bot.slash(
      'note',
      { text: `ping @everyone and <@&${bot.ids.oncallRoleId}>` },
      { channelId: channel.id },
    );
    const everything = [...bot.fake.state.channels.values()].flatMap((c) => bot.botMessages(c.id));
    expect(everything.some((message) => message.content.includes('@everyone'))).toBe(true);
    for (const message of everything) {
      expect(message.mentionEveryone, message.content).toBe(false);
      expect(message.mentionRoleIds, message.content).toEqual([]);
      expect(message.mentionUserIds, message.content).toEqual([]);
    }
  });
});
