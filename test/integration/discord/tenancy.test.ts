import { afterEach, describe, expect, it } from 'vitest';
import { startDiscordAdapter } from '../../../adapters/discord/index.ts';
import { readEnvOptions } from '../../../src/config/read-env.ts';
import { FakeDiscord } from '../../fakes/discord/index.ts';
import { createTestApp, type TestApp, testConfig, uniquePrefix } from '../../support/test-app.ts';
import { DiscordTestBot } from './discord-test-bot.ts';

let bot: DiscordTestBot | undefined;
let fake: FakeDiscord | undefined;
let app: TestApp | undefined;

afterEach(async () => {
  await bot?.dispose();
  await app?.dispose();
  await fake?.close();
  bot = undefined;
  app = undefined;
  fake = undefined;
});

describe('which Discord servers tocsin answers in', () => {
  it('refuses a command from a server the config does not list, and records nothing', async () => {
    bot = await DiscordTestBot.start({ config: { discord: { allowed_guilds: ['111111111111111111'] } } });
    const built = await bot.slash('start', { severity: 'sev1', title: 'page everyone' });
    expect(bot.privateReplies(built).join('\n')).toContain(
      `tocsin does not answer in this workspace (${bot.ids.guildId}). Whoever runs tocsin can add it to discord.allowed_guilds.`,
    );
    expect(await bot.app.store.openIncidents({ platform: 'discord', workspace: bot.ids.guildId })).toEqual(
      [],
    );
    expect(bot.fake.rest.requestsTo('POST', '/guilds/:guild/channels')).toEqual([]);
  });

  it('answers in a listed server', async () => {
    bot = await DiscordTestBot.start({ config: (ids) => ({ discord: { allowed_guilds: [ids.guildId] } }) });
    await bot.slash('start', { severity: 'sev2', title: 'login storms' });
    expect(bot.channelNamed('inc-1-')).toBeDefined();
  });

  it('refuses to start with neither DISCORD_GUILD_ID nor discord.allowed_guilds, and says why', async () => {
    fake = await FakeDiscord.start({ token: 'test-bot-token' });
    app = createTestApp({ config: testConfig(), prefix: uniquePrefix('discord') });
    const env = readEnvOptions({
      DISCORD_TOKEN: fake.token,
      DISCORD_APPLICATION_ID: fake.ids.applicationId,
      DISCORD_API_URL: fake.apiBase,
    });
    await expect(startDiscordAdapter({ app, env, config: app.services.config })).rejects.toThrow(
      /Set DISCORD_GUILD_ID or discord.allowed_guilds.*anyone who adds the bot to their own server/,
    );
    expect(fake.gateway.identifies).toEqual([]);
  });
});
