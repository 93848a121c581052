import type { AppConfig } from './config-schema.ts';
import type { EnvOptions } from './read-env.ts';

/**
 * DISCORD_GUILD_ID is the guild the commands are registered in, so it is allowed too: a config
 * that names no guilds then still answers only there.
 */
export function withEnvTenancy(config: AppConfig, env: EnvOptions): AppConfig {
  const guild = env.discord?.guildId;
  if (!guild || config.discord.allowed_guilds.includes(guild)) return config;
  return {
    ...config,
    discord: { ...config.discord, allowed_guilds: [...config.discord.allowed_guilds, guild] },
  };
}
