import { afterEach, describe, expect, it } from 'vitest';
import { buildSlashCommands } from '../../../adapters/discord/build-slash-commands.ts';
import { COMMANDS } from '../../../src/core/commands/command-registry.ts';
import { DiscordTestBot } from './discord-test-bot.ts';

let bot: DiscordTestBot | undefined;

afterEach(async () => {
  const problems = bot?.protocolProblems() ?? [];
  await bot?.dispose();
  bot = undefined;
  expect(problems).toEqual([]);
});

describe('registering /incident at startup', () => {
  it('bulk-overwrites the guild’s commands with the ones generated from the registry', async () => {
    bot = await DiscordTestBot.start();
    const puts = bot.fake.rest.requestsTo('PUT', '/applications/:app/guilds/:guild/commands');
    expect(puts).toHaveLength(1);
    expect(puts[0]?.path).toBe(`/applications/${bot.ids.applicationId}/guilds/${bot.ids.guildId}/commands`);
    const expected = buildSlashCommands(COMMANDS, {
      postmortem: { template: bot.app.services.postmortems.templateNames() },
    });
    expect(puts[0]?.body).toEqual(JSON.parse(JSON.stringify(expected)));
    const [registered] = bot.fake.state.commands.list(bot.ids.guildId);
    expect(registered?.body.name).toBe('incident');
    expect(bot.fake.state.commands.list(null)).toEqual([]);
  });

  it('registers globally when no DISCORD_GUILD_ID is set (the config then lists the guilds)', async () => {
    bot = await DiscordTestBot.start({
      guildCommands: false,
      config: (ids) => ({ discord: { allowed_guilds: [ids.guildId] } }),
    });
    expect(bot.fake.rest.requestsTo('PUT', '/applications/:app/commands')).toHaveLength(1);
    expect(bot.fake.state.commands.list(null).map((command) => command.body.name)).toEqual(['incident']);
    expect(bot.fake.state.commands.list(bot.ids.guildId)).toEqual([]);
  });

  it('is idempotent: a restart overwrites with the same body and Discord keeps the command’s id', async () => {
    bot = await DiscordTestBot.start();
    const before = bot.fake.state.commands.list(bot.ids.guildId);
    await bot.restart();
    const puts = bot.fake.rest.requestsTo('PUT', '/applications/:app/guilds/:guild/commands');
    expect(puts).toHaveLength(2);
    expect(puts[1]?.body).toEqual(puts[0]?.body);
    const after = bot.fake.state.commands.list(bot.ids.guildId);
    expect(after.map((command) => command.id)).toEqual(before.map((command) => command.id));
  });

  it('offers the postmortem templates as choices', async () => {
    bot = await DiscordTestBot.start();
    const [registered] = bot.fake.state.commands.list(bot.ids.guildId);
    const subcommands = registered?.body.options as {
      name: string;
      options?: { name: string; choices?: unknown[] }[];
    }[];
    const template = subcommands.find((sub) => sub.name === 'postmortem')?.options?.[0];
    expect(template?.choices).toEqual(
      bot.app.services.postmortems.templateNames().map((name) => ({ name, value: name })),
    );
  });
});
