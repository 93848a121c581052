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

const VALID_LIST =
  'Use one of sev1, sev2, sev3, sev4 (SEV-1 and SEV 1 work too), or critical, high, medium, low, p1, p2, p3, p4.';

function channelNames(): (string | null | undefined)[] {
  return [...bot.fake.state.channels.values()].map((channel) => channel.name);
}

describe('severity words in Discord', () => {
  it('opens a SEV1 called "db down" when the title option is typed as SEV 1 db down', async () => {
    await bot.slash('start', { title: 'SEV 1 db down' });
    expect(bot.botMessages(bot.ids.generalChannelId).map((message) => message.content)).toContain(
      'INC-1 declared: SEV1 db down. Commander: Alice. Opening its channel…',
    );
    expect(bot.channelNamed('inc-1-').name).toBe('inc-1-db-down');
  });

  it('opens a SEV1 when sev1 is chosen from the severity choices', async () => {
    await bot.slash('start', { severity: 'sev1', title: 'db down' });
    expect(bot.botMessages(bot.ids.generalChannelId).map((message) => message.content)).toContain(
      'INC-1 declared: SEV1 db down. Commander: Alice. Opening its channel…',
    );
  });

  it('refuses a title typed as sev10 x privately, with the valid list and the usage', async () => {
    const typed = await bot.slash('start', { title: 'sev10 x' });
    expect(bot.privateReplies(typed)).toEqual([
      `"sev10" is not a severity. ${VALID_LIST}\nUsage: /incident start [private] [sev1|sev2|sev3|sev4] <title>`,
    ]);
  });

  it('writes nothing and opens no channel for a title typed as sev10 x', async () => {
    const before = channelNames();
    await bot.slash('start', { title: 'sev10 x' });
    expect(await bot.app.store.allIncidents({ platform: 'discord', workspace: bot.ids.guildId })).toEqual([]);
    expect(channelNames()).toEqual(before);
  });

  it('refuses a severity option outside the choices (a hand-made request) the same way', async () => {
    const typed = await bot.slash('start', { severity: 'sev10', title: 'x' });
    expect(bot.privateReplies(typed)[0]).toContain(`"sev10" is not a severity. ${VALID_LIST}`);
  });

  it('registers the four canonical severities as the choices of start and sev', async () => {
    const registered = bot.fake.state.commands.findByName('incident', bot.ids.guildId)?.body as {
      options: { name: string; options?: { name: string; choices?: { value: string }[] }[] }[];
    };
    for (const subcommand of ['start', 'sev']) {
      const severity = registered.options
        .find((option) => option.name === subcommand)
        ?.options?.find((option) => option.name === 'severity');
      expect(severity?.choices?.map((choice) => choice.value)).toEqual(['sev1', 'sev2', 'sev3', 'sev4']);
    }
  });
});
