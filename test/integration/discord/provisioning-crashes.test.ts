import { afterEach, describe, expect, it } from 'vitest';
import type { FaultSpec } from '../../fakes/discord/index.ts';
import { DiscordTestBot } from './discord-test-bot.ts';

let bot: DiscordTestBot | undefined;
afterEach(async () => {
  await bot?.dispose();
  bot = undefined;
});

/** A refusal discord.js does not retry itself: the provisioning job fails and is retried. */
const REFUSED: FaultSpec = { status: 400, code: 0, message: 'fake refusal' };

/** The calls provisioning makes after the channel exists; `nth` counts matching requests. */
const CALLS = [
  { pattern: 'POST /guilds/:id/channels', nth: 1, what: 'creating the channel' },
  { pattern: 'POST /channels/:id/messages', nth: 1, what: 'posting the summary' },
  { pattern: 'PUT /channels/:channel_id/pins/:message_id', nth: 1, what: 'pinning the summary' },
] as const;

async function linked(test: DiscordTestBot): Promise<string> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    await test.settle();
    const channel = (await test.app.store.state(test.ref(1)))?.channel?.id;
    if (channel) return channel;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('INC-1 was never linked');
}

describe('provisioning a Discord incident channel that fails between platform calls', () => {
  for (const { pattern, nth, what } of CALLS) {
    it(`ends with one channel, linked, one pinned summary and one announcement when ${what} fails`, async () => {
      bot = await DiscordTestBot.start({ config: { discord: { announce_channel: 'announcements' } } });
      const announcements = bot.fake.state.addChannel({ name: 'announcements', type: 0 });
      bot.fake.rest.failNext(pattern, REFUSED, nth);
      await bot.slash('start', { severity: 'sev2', title: 'Checkout returns 502' });
      const channel = await linked(bot);
      const spaces = [...bot.fake.state.channels.values()].filter((c) => c.name?.startsWith('inc-1-'));
      expect(spaces.map((c) => c.id)).toEqual([channel]);
      const summaries = bot.botMessages(channel).filter((m) => m.embeds.length > 0);
      expect(summaries).toHaveLength(1);
      expect(bot.fake.state.messages.pins(channel).map((m) => m.id)).toEqual([summaries[0]?.id]);
      expect(bot.botMessages(announcements.id).map((m) => m.content)).toEqual([
        `🚨 **INC-1** (SEV2) Checkout returns 502: declared by Alice. Join <#${channel}>.`,
      ]);
    }, 30_000);
  }
});
