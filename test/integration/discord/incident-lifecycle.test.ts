import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SUMMARY_IDS } from '../../../adapters/discord/custom-ids.ts';
import type { FakeChannel, FakeMessage } from '../../fakes/discord/index.ts';
import { DiscordTestBot } from './discord-test-bot.ts';

let bot: DiscordTestBot;

beforeEach(async () => {
  bot = await DiscordTestBot.start({ config: { discord: { announce_channel: 'announcements' } } });
});

afterEach(async () => {
  const problems = bot.protocolProblems();
  await bot.dispose();
  expect(problems).toEqual([]);
});

interface EmbedView {
  title: string;
  description?: string;
  fields: { name: string; value: string }[];
}

function summaryOf(channelId: string): { message: FakeMessage; embed: EmbedView } {
  const pinned = bot.fake.state.messages.pins(channelId);
  expect(pinned).toHaveLength(1);
  const message = pinned[0] as FakeMessage;
  return { message, embed: message.embeds[0] as EmbedView };
}

function field(embed: EmbedView, name: string): string | undefined {
  return embed.fields.find((candidate) => candidate.name === name)?.value;
}

async function declare(): Promise<FakeChannel> {
  bot.fake.state.addChannel({ name: 'announcements', type: 0 });
  await bot.slash('start', { severity: 'sev2', title: 'Checkout returns 502' });
  return bot.channelNamed('inc-1-');
}

describe('an incident in a Discord guild, from /incident start to the postmortem', () => {
  it('opens inc-<n>-<slug> under the Incidents category, pins the summary with its controls and announces it', async () => {
    const channel = await declare();
    expect(channel).toMatchObject({
      name: 'inc-1-checkout-returns-502',
      type: 0,
      parentId: bot.ids.incidentsCategoryId,
    });
    const { message, embed } = summaryOf(channel.id);
    expect(embed.title).toBe('INC-1 · SEV2 · Checkout returns 502');
    expect(field(embed, 'Commander')).toBe(`<@${bot.ids.aliceId}>`);
    expect(JSON.stringify(message.components)).toContain(SUMMARY_IDS.ack);
    expect(JSON.stringify(message.components)).toContain(SUMMARY_IDS.severity);
    expect(JSON.stringify(message.components)).toContain(SUMMARY_IDS.resolve);
    const announcements = bot.channelNamed('announcements');
    expect(bot.botMessages(announcements.id).map((m) => m.content)).toEqual([
      `🚨 **INC-1** (SEV2) Checkout returns 502: declared by Alice. Join <#${channel.id}>.`,
    ]);
    expect(bot.botMessages(bot.ids.generalChannelId).map((m) => m.content)).toContain(
      'INC-1 declared: SEV2 Checkout returns 502. Commander: Alice. Opening its channel…',
    );
  });

  it('answers the slash command with an ephemeral deferral and posts the confirmation in the channel', async () => {
    const started = await bot.slash('start', { title: 'API latency' });
    const callback = bot.fake.state.commands.callbacks.find((entry) => entry.interactionId === started.id);
    expect(callback).toMatchObject({ type: 5, data: { flags: 64 } });
    // The "thinking…" placeholder is removed once the confirmation is in the channel.
    expect(bot.webhookRequests(started).map((request) => request.method)).toEqual(['DELETE']);
  });

  it('records what people say, commands and clicks, and keeps the pinned summary current', async () => {
    const channel = await declare();
    const said = await bot.say('seeing 502s on /pay since the deploy', channel.id, bot.ids.bobId);
    await bot.slash('note', { text: 'rolled back the payments deploy' }, { channelId: channel.id });
    await bot.select(SUMMARY_IDS.severity, ['sev1'], { channelId: channel.id });
    await bot.slash(
      'role',
      [
        { name: 'role', value: 'commander' },
        { name: 'user', value: bot.ids.bobId, type: 6 },
      ],
      { channelId: channel.id },
    );
    await bot.slash(
      'page',
      { target: `<@${bot.ids.bobId}>`, message: 'need payments' },
      { channelId: channel.id },
    );
    await bot.click(SUMMARY_IDS.ack, { channelId: channel.id, userId: bot.ids.bobId });
    await bot.slash(
      'status',
      { state: 'monitoring', message: 'error rate back to normal' },
      { channelId: channel.id },
    );

    const posted = bot.botMessages(channel.id).map((message) => message.content);
    expect(posted).toEqual(
      expect.arrayContaining([
        'Noted: rolled back the payments deploy',
        'Severity raised: SEV2 → SEV1',
        'Bob is now commander.',
        expect.stringMatching(/^Paging @?Bob: need payments$/),
        'Bob acknowledged the page.',
        'Status: monitoring. error rate back to normal',
      ]),
    );
    const { embed } = summaryOf(channel.id);
    expect(embed.title).toBe('INC-1 · SEV1 · Checkout returns 502');
    expect(field(embed, 'Commander')).toBe(`<@${bot.ids.bobId}>`);
    expect(field(embed, 'Status')).toBe('monitoring');
    expect(field(embed, 'Acknowledged')).toMatch(/^<t:\d+:f>$/);

    const events = await bot.events(1);
    const captured = events.find((event) => event.type === 'message_captured');
    expect(captured).toMatchObject({
      messageId: said.id,
      text: 'seeing 502s on /pay since the deploy',
      occurredAt: said.timestamp,
      actor: { id: bot.ids.bobId, name: 'Bob' },
    });
    expect(events.find((event) => event.type === 'role_assigned')).toMatchObject({
      user: { id: bot.ids.bobId, name: 'Bob' },
    });
  });

  it('resolves from the summary button, then attaches the postmortem draft as a .md file', async () => {
    const channel = await declare();
    await bot.say('the payments pod was OOM-killed', channel.id, bot.ids.bobId);
    await bot.slash(
      'action',
      [
        { name: 'text', value: 'alert on payment pod restarts' },
        { name: 'owner', value: bot.ids.bobId, type: 6 },
        { name: 'due', value: '2030-01-15' },
        { name: 'priority', value: 'high' },
      ],
      { channelId: channel.id },
    );
    await bot.click(SUMMARY_IDS.resolve, { channelId: channel.id });
    const resolved = summaryOf(channel.id);
    expect(field(resolved.embed, 'Status')).toBe('resolved ✅');
    expect(field(resolved.embed, `Action A1 (high, owner <@${bot.ids.bobId}>, due 2030-01-15, open)`)).toBe(
      'alert on payment pod restarts',
    );
    expect(JSON.stringify(resolved.message.components)).toContain(SUMMARY_IDS.reopen);

    await bot.slash('postmortem', { template: 'report' }, { channelId: channel.id });
    const withFile = bot.botMessages(channel.id).filter((message) => message.attachments.length > 0);
    expect(withFile).toHaveLength(1);
    const [attachment] = (withFile[0] as FakeMessage).attachments;
    expect(attachment?.filename).toMatch(/\.md$/);
    const markdown = attachment?.data.toString('utf8') ?? '';
    expect(markdown).toContain('Checkout returns 502');
    expect(markdown).toContain('alert on payment pod restarts');
    const event = (await bot.events(1)).find((candidate) => candidate.type === 'postmortem_generated');
    expect(event?.type === 'postmortem_generated' && readFileSync(event.path, 'utf8')).toBe(markdown);
  });

  it('answers a mistake only to the person who made it', async () => {
    const built = await bot.slash('note', { text: 'wrong place' });
    expect(bot.privateReplies(built)).toEqual([
      expect.stringContaining("works only in an incident's channel"),
    ]);
    expect(bot.botMessages(bot.ids.generalChannelId)).toEqual([]);
  });

  it('sets allowed_mentions on every message it sends', async () => {
    const channel = await declare();
    await bot.slash('note', { text: 'hello @everyone' }, { channelId: channel.id });
    await bot.slash('timeline', {}, { channelId: channel.id });
    const messageBodies = bot.fake.rest.requests.filter(
      (request) =>
        /^(POST|PATCH) \/(channels\/\d+\/messages|webhooks\/)/.test(`${request.method} ${request.path}`) &&
        request.body !== undefined,
    );
    expect(messageBodies.length).toBeGreaterThan(5);
    for (const request of messageBodies) {
      expect(
        (request.body as { allowed_mentions?: unknown }).allowed_mentions,
        `${request.method} ${request.path}`,
      ).toEqual({
        parse: [],
        replied_user: false,
      });
    }
  });
});
