import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECRET_SAMPLES } from '../../fixtures/secret-corpus.ts';
import { asTitle, leakedSamples } from '../../support/secret-leaks.ts';
import { DiscordTestBot } from './discord-test-bot.ts';

/**
 * Someone declares an incident with a secret in its title, once for every secret of the corpus.
 * Whatever the guild shows for it (the channel's name and topic, the announcement, the summary)
 * and whatever tocsin logs about it must not carry the secret.
 */
const TITLE_LIMIT = 150;
const ALL_TITLES = SECRET_SAMPLES.map((sample) => asTitle(sample.line).slice(0, TITLE_LIMIT));
// A Discord category holds at most 50 channels: the corpus is declared in two guilds.
const HALF = Math.ceil(ALL_TITLES.length / 2);
const HALVES = [
  { part: 'first', titles: ALL_TITLES.slice(0, HALF) },
  { part: 'second', titles: ALL_TITLES.slice(HALF) },
];

let bot: DiscordTestBot;

async function startBot(): Promise<DiscordTestBot> {
  const started = await DiscordTestBot.start({
    // One incident per secret, all declared by one person: past the declare rate limit.
    config: { discord: { announce_channel: 'announcements' }, rate_limits: { declare_per_user: 0 } },
    logLevel: 'trace',
  });
  started.fake.state.addChannel({ name: 'announcements', type: 0 });
  return started;
}

async function stopBot(): Promise<void> {
  const problems = bot.protocolProblems();
  await bot?.dispose();
  expect(problems).toEqual([]);
}

const incidentChannels = () =>
  [...bot.fake.state.channels.values()].filter((channel) => channel.name?.startsWith('inc-'));

describe.each(HALVES)(
  'a secret in an incident title, in Discord ($part half of the corpus)',
  ({ titles }) => {
    beforeAll(async () => {
      bot = await startBot();
      for (const title of titles) await bot.slash('start', { severity: 'sev2', title });
      await bot.settle();
    }, 180_000);
    afterAll(stopBot);

    it('every title of the corpus opened its own channel', () => {
      expect(incidentChannels()).toHaveLength(titles.length);
    });

    it('names no channel', () => {
      const names = incidentChannels().map((channel) => channel.name ?? '');
      expect(leakedSamples(names, SECRET_SAMPLES)).toEqual([]);
    });

    it('is not in any channel topic', () => {
      const topics = incidentChannels().map((channel) => String(channel.topic ?? ''));
      expect(topics.every((topic) => topic.startsWith('INC-'))).toBe(true);
      expect(leakedSamples(topics, SECRET_SAMPLES)).toEqual([]);
    });

    it('is not in the announcements', () => {
      const announcements = bot.botMessages(bot.channelNamed('announcements').id).map((m) => m.content);
      expect(announcements).toHaveLength(titles.length);
      expect(leakedSamples(announcements, SECRET_SAMPLES)).toEqual([]);
    });

    it('is not in the pinned summaries', () => {
      const summaries = incidentChannels().flatMap((channel) =>
        bot.fake.state.messages.pins(channel.id).map((message) => JSON.stringify(message.embeds)),
      );
      expect(summaries).toHaveLength(titles.length);
      expect(leakedSamples(summaries, SECRET_SAMPLES)).toEqual([]);
    });

    it('is in no request the bot sent to Discord', () => {
      const bodies = bot.fake.rest.requests.map((request) => JSON.stringify(request.body ?? ''));
      expect(leakedSamples(bodies, SECRET_SAMPLES)).toEqual([]);
    });

    it('is in no log line, even at trace level', () => {
      expect(bot.logLines.length).toBeGreaterThan(0);
      expect(leakedSamples(bot.logLines, SECRET_SAMPLES)).toEqual([]);
    });
  },
);

describe('the title from the bug report', () => {
  beforeAll(async () => {
    bot = await startBot();
  });
  afterAll(stopBot);

  it('names the channel without the password', async () => {
    await bot.slash('start', { severity: 'sev2', title: 'db password=Hunter2Secret99 exposed' });
    expect(bot.channelNamed('inc-1-').name).toBe('inc-1-db-password-redacted-secret-assignment-exposed');
  });
});
