import { join } from 'node:path';
import { ConsoleChat } from '../adapters/console/console-chat.ts';
import { ConsolePlatform } from '../adapters/console/console-platform.ts';
import { createApp } from './app/create-app.ts';
import { loadConfig } from './config/load-config.ts';
import { readEnvOptions } from './config/read-env.ts';
import { SystemError } from './core/errors.ts';
import { AdjustableClock } from './core/time/clock.ts';
import type { HttpRoute } from './ports/http-route.ts';
import type { AdapterStartOptions, RunningAdapter } from './ports/running-adapter.ts';
import { connectRedis } from './storage/redis/connect-redis.ts';
import { type EmbeddedRedis, startEmbeddedRedis } from './storage/redis/embedded-redis.ts';

/** Composition root: read config, reach Redis, wire the core, attach the platform adapters. */
async function main(): Promise<void> {
  const env = readEnvOptions();
  const config = loadConfig(env.configPath, env.raw, env.configExplicit);
  let embedded: EmbeddedRedis | undefined;
  let redisUrl = env.redisUrl;
  if (!redisUrl) {
    embedded = await startEmbeddedRedis({ dir: join(env.dataDir, 'redis') });
    redisUrl = embedded.url;
  }
  const redis = connectRedis(redisUrl);
  const clock = new AdjustableClock();
  const app = createApp({ redis, config, postmortemDir: env.postmortemDir, clock });
  const adapters: RunningAdapter[] = [];
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    for (const adapter of adapters) await adapter.stop();
    await app.close();
    redis.disconnect();
    await embedded?.stop();
    process.exit(code);
  };
  process.once('SIGINT', () => void shutdown(0));
  process.once('SIGTERM', () => void shutdown(0));

  if (!env.slack && !env.discord) {
    const chat = new ConsoleChat({
      core: app.core,
      jobs: app.jobs,
      clock,
      input: process.stdin,
      output: process.stdout,
      timeZone: config.timezone,
    });
    app.platforms.register(new ConsolePlatform((text) => chat.print(text)));
    app.startWorkers();
    await chat.run();
    await shutdown(0);
    return;
  }

  const routes: HttpRoute[] = [];
  const options: AdapterStartOptions = { app, env, config, routes };
  // Platform adapters are wired here as they land (Slack, Discord); each registers its ChatPlatform.
  void options;
  app.startWorkers();
}

main().catch((error: unknown) => {
  const message = error instanceof SystemError ? error.message : ((error as Error).stack ?? String(error));
  process.stderr.write(`tocsin could not start:\n${message}\n`);
  process.exit(1);
});
