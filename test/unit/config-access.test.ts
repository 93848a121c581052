import { describe, expect, it } from 'vitest';
import { withEnvTenancy } from '../../src/config/env-tenancy.ts';
import { parseConfig } from '../../src/config/load-config.ts';
import { readEnvOptions } from '../../src/config/read-env.ts';

describe('permissions, tenancy and rate limits in the YAML config', () => {
  it('lets anyone run everything when permissions is left out', () => {
    const config = parseConfig('', {}, 'x.yml');
    expect(Object.values(config.permissions)).toEqual(Array(6).fill(['anyone']));
  });

  it('keeps the rules it is given and defaults the rest to anyone', () => {
    const config = parseConfig('permissions:\n  resolve: [commander]\n', {}, 'x.yml');
    expect(config.permissions).toMatchObject({ resolve: ['commander'], page: ['anyone'] });
  });

  it('refuses a rule that lets nobody in, naming the key', () => {
    expect(() => parseConfig('permissions:\n  resolve: []\n', {}, 'x.yml')).toThrow(/permissions\.resolve/);
  });

  it('refuses a rule it does not know', () => {
    expect(() => parseConfig('permissions:\n  close: [commander]\n', {}, 'x.yml')).toThrow(/close/);
  });

  it('reads rate limits with a duration window', () => {
    const config = parseConfig('rate_limits:\n  window: 1h\n  page_per_user: 3\n', {}, 'x.yml');
    expect(config.rate_limits).toEqual({
      window: 3_600_000,
      declare_per_user: 5,
      page_per_user: 3,
      page_per_workspace: 30,
    });
  });

  it('counts DISCORD_GUILD_ID as an allowed guild', () => {
    const env = readEnvOptions({ DISCORD_TOKEN: 't', DISCORD_APPLICATION_ID: 'a', DISCORD_GUILD_ID: '42' });
    const config = withEnvTenancy(parseConfig('discord:\n  allowed_guilds: ["7"]\n', {}, 'x.yml'), env);
    expect(config.discord.allowed_guilds).toEqual(['7', '42']);
  });
});
