import { once } from 'node:events';
import { Events } from 'discord.js';
import { secretValues } from '../../src/config/read-env.ts';
import { backfillOpenIncidents, SystemError } from '../../src/core/public-api.ts';
import { createLogger, type Logger } from '../../src/logging/create-logger.ts';
import type { AdapterStartOptions, RunningAdapter } from '../../src/ports/running-adapter.ts';
import { AdapterRuntime } from '../runtime/adapter-runtime.ts';
import { buildSlashCommands } from './build-slash-commands.ts';
import { attachCapture } from './capture-listeners.ts';
import { createDiscordClient } from './discord-client.ts';
import { DISCORD_PLATFORM, type DiscordContext } from './discord-context.ts';
import { DiscordPlatform } from './discord-platform.ts';
import { handleInteraction } from './handle-interaction.ts';
import { inviteUrl } from './invite-url.ts';
import { checkOverwriteConfig } from './permission-overwrites.ts';
import { registerCommands } from './register-commands.ts';

/** The running adapter, plus what tests and a graceful shutdown wait on. */
export interface DiscordAdapter extends RunningAdapter {
  /** Resolves once no interaction, capture or backfill is being handled. */
  idle(): Promise<void>;
}

/**
 * Logs in to Discord, registers `/incident` (generated from the command registry), and attaches
 * interactions and channel capture to the core. Open incidents are backfilled in the background;
 * /readyz waits for that.
 */
export async function startDiscordAdapter(
  options: AdapterStartOptions,
  extras: { logger?: Logger } = {},
): Promise<DiscordAdapter> {
  const { app, env, config } = options;
  const discord = env.discord;
  if (!discord)
    throw new SystemError('discord_not_configured', 'DISCORD_TOKEN and DISCORD_APPLICATION_ID are not set');
  checkOverwriteConfig(config.discord.permission_overwrites);
  if (!discord.guildId && config.discord.allowed_guilds.length === 0) {
    throw new SystemError(
      'discord_open_to_every_server',
      'Set DISCORD_GUILD_ID or discord.allowed_guilds in the config: without either, anyone who adds the bot ' +
        'to their own server could declare incidents there and page your on-call.',
    );
  }
  const log = (
    extras.logger ??
    createLogger({
      level: env.logLevel,
      secrets: secretValues(env),
      extraPatterns: config.redaction.extra_patterns,
    })
  ).child({ adapter: DISCORD_PLATFORM });
  const client = createDiscordClient({ apiUrl: discord.apiUrl });
  // Handlers the gateway started and nobody awaits: a failure is logged, never a crash.
  const inbound = new AdapterRuntime({
    core: app.core,
    warn: (message, error) => log.error(error === undefined ? {} : { err: error }, message),
  });
  const ctx: DiscordContext = {
    client,
    app,
    config: config.discord,
    // The app's one redactor (built from the config's extra patterns), so every exit redacts alike.
    redactor: app.services.redactor,
    logger: log,
    inbound,
  };
  client.on(
    Events.InteractionCreate,
    (interaction) => void inbound.run('interaction', () => handleInteraction(ctx, interaction)),
  );
  client.on(Events.Error, (error) => log.error({ err: error }, 'discord client error'));
  attachCapture(ctx);
  try {
    const ready = once(client, Events.ClientReady);
    await client.login(discord.token);
    await ready;
  } catch (cause) {
    await client.destroy();
    throw new SystemError(
      'discord_login_failed',
      `could not log in to Discord: ${(cause as Error).message}`,
      { cause },
    );
  }
  app.platforms.register(new DiscordPlatform(ctx));
  // Shards share one application: the first one registers for all of them.
  if (!client.shard || client.shard.ids.includes(0)) {
    const body = buildSlashCommands(app.services.commands, {
      postmortem: { template: app.services.postmortems.templateNames() },
    });
    await registerCommands(client.rest, discord, body).catch(async (cause: unknown) => {
      await client.destroy();
      throw new SystemError(
        'discord_command_registration_failed',
        `could not register /incident: ${(cause as Error).message}`,
        {
          cause,
        },
      );
    });
  }
  log.info({ invite: inviteUrl(discord.apiUrl, discord.applicationId) }, 'discord adapter ready');
  const backfilled = app.readiness.startTask('discord backfill');
  void inbound.run('backfill', async () => {
    try {
      const written = await backfillOpenIncidents(app.services, DISCORD_PLATFORM);
      log.info({ written }, 'discord backfill done');
    } finally {
      backfilled();
    }
  });
  let stopped = false;
  return {
    name: DISCORD_PLATFORM,
    isReady: () => !stopped && client.isReady(),
    idle: () => inbound.idle(),
    stop: async () => {
      if (stopped) return;
      stopped = true;
      client.removeAllListeners(Events.InteractionCreate);
      await inbound.idle();
      await client.destroy();
    },
  };
}
