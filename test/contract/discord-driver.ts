import type { RecordedRequest } from '../fakes/discord/index.ts';
import { DiscordTestBot } from '../integration/discord/discord-test-bot.ts';
import { type AdapterDriver, declaredNumber, type Person } from './adapter-driver.ts';

/** What a request showed people: a channel post, or the person's own reply and follow-ups. */
function shown(request: RecordedRequest, token: string): string | undefined {
  const content = (request.body as { content?: unknown } | undefined)?.content;
  if (typeof content !== 'string' || content === '') return undefined;
  const channelPost = request.method === 'POST' && /^\/channels\/\d+\/messages$/.test(request.path);
  const toPerson = request.path.startsWith('/webhooks/') && request.path.includes(token);
  return channelPost || (toPerson && request.method !== 'DELETE') ? content : undefined;
}

/** The Discord adapter (real discord.js Client) logged in to the fake Discord. */
export async function startDiscordDriver(): Promise<AdapterDriver> {
  const bot = await DiscordTestBot.start();
  const users: Record<Person, string> = { alice: bot.ids.aliceId, bob: bot.ids.bobId };
  let number = 0;
  let channel = bot.ids.generalChannelId;
  return {
    platform: 'discord',
    redactor: bot.app.services.redactor,
    async command(name, options = {}, as = 'alice') {
      const before = bot.fake.rest.requests.length;
      const built = await bot.slash(name, options, { channelId: channel, userId: users[as] });
      const seen = bot.fake.rest.requests
        .slice(before)
        .map((request) => shown(request, built.token))
        .filter((text): text is string => text !== undefined);
      const declared = declaredNumber(seen);
      if (declared !== undefined) {
        number = declared;
        channel = bot.channelNamed(`inc-${number}-`).id;
      }
      return seen;
    },
    mention: (person) => `<@${users[person]}>`,
    async say(text, as = 'alice') {
      const message = await bot.say(text, channel, users[as]);
      return { id: message.id, author: as };
    },
    async edit(message, text) {
      bot.fake.gateway.messageUpdate({ channelId: channel, messageId: message.id, content: text });
      await bot.settle();
    },
    async remove(message) {
      bot.fake.gateway.messageDelete({ channelId: channel, messageId: message.id });
      await bot.settle();
    },
    async pin(message, by = 'alice') {
      bot.fake.gateway.reactionAdd({ channelId: channel, messageId: message.id, userId: users[by] });
      await bot.settle();
    },
    events: () => bot.events(number),
    async close() {
      const problems = bot.protocolProblems();
      await bot.dispose();
      if (problems.length > 0) throw new Error(`the fake Discord saw: ${problems.join('; ')}`);
    },
  };
}
