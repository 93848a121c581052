import { join } from 'node:path';
import { ConsoleChat } from '../adapters/console/console-chat.ts';
import { ConsolePlatform } from '../adapters/console/console-platform.ts';
import { startDiscordAdapter } from '../adapters/discord/index.ts';
import { startSlackAdapter } from '../adapters/slack/index.ts';
import { createApp } from './app/create-app.ts';
import { createShutdown, exitOnSignals } from './app/graceful-shutdown.ts';
import { withEnvTenancy } from './config/env-tenancy.ts';
import { loadConfig } from './config/load-config.ts';
import { readEnvOptions, secretValues } from './config/read-env.ts';
import { SystemError } from './core/errors.ts';
import { AdjustableClock } from './core/time/clock.ts';
import { followUpSecrets } from './follow-ups/register-follow-ups.ts';
import { createHealthRoutes } from './http/health-routes.ts';
import { type HttpServerHandle, startHttpServer } from './http/start-http-server.ts';
import { createLogger } from './logging/create-logger.ts';
import { createMetrics } from './observability/metrics.ts';
import type { HttpRoute } from './ports/http-route.ts';
import type { AdapterStartOptions, RunningAdapter } from './ports/running-adapter.ts';
import { createRedactor } from './redaction/redact-secrets.ts';
import { connectRedis } from './storage/redis/connect-redis.ts';
import { connectRedisCluster } from './storage/redis/connect-redis-cluster.ts';
import { type EmbeddedRedis, startEmbeddedRedis } from './storage/redis/embedded-redis.ts';
import type { RedisConnection } from './storage/redis/redis-connection.ts';
import { redisTarget } from './storage/redis/redis-target.ts';

/** Composition root: read config, reach Redis, wire the core, attach the platform adapters. */
async function main(): Promise<void> {
  const env = readEnvOptions();
  const config = withEnvTenancy(loadConfig(env.configPath, env.raw, env.configExplicit), env);
  const consoleMode = !env.slack && !env.discord;
  // In console mode stdout is the chat: log lines go to stderr, readable, and never mix into it; and
  // as someone types in that same terminal, only warnings show unless LOG_LEVEL asks for more.
  const level = consoleMode ? (env.raw.LOG_LEVEL ?? 'warn') : env.logLevel;
  const secrets = [...secretValues(env), ...followUpSecrets(config)];
  const logger = createLogger({ level, pretty: consoleMode, secrets });
  logger.debug({ slack: env.slack, discord: env.discord, port: env.port }, 'platform settings');
  let embedded: EmbeddedRedis | undefined;
  const target = redisTarget(env, config);
  let redis: RedisConnection;
  if (target.kind === 'cluster') {
    logger.info({ redisCluster: target.nodes }, 'connecting to redis cluster');
    redis = connectRedisCluster(target.nodes, {}, { logger });
  } else {
    if (target.kind === 'embedded') embedded = await startEmbeddedRedis({ dir: join(env.dataDir, 'redis') });
    const redisUrl = target.kind === 'url' ? target.url : (embedded as EmbeddedRedis).url;
    // The URL may carry a password: the logger scrubs it like any other credential.
    logger.info({ redis: redisUrl, embedded: embedded !== undefined }, 'connecting to redis');
    redis = connectRedis(redisUrl, {}, { logger });
  }
  const clock = new AdjustableClock();
  const metrics = createMetrics();
  const app = createApp({
    redis,
    config,
    postmortemDir: env.postmortemDir,
    clock,
    metrics,
    logger,
    paging: env.paging,
    web: env.web,
    ...(env.webBaseUrl === undefined ? {} : { webBaseUrl: env.webBaseUrl }),
  });
  const adapters: RunningAdapter[] = [];
  let http: HttpServerHandle | undefined;
  let publicServer: HttpServerHandle | undefined;
  // Slack in HTTP mode owns PORT and serves the public surface beside /slack/events.
  const slackOwnsPort = env.slack !== undefined && env.slack.appToken === undefined;
  const shutdown = createShutdown({
    app,
    redis,
    adapters: () => adapters,
    logger,
    afterRedis: [async () => http?.close(), async () => publicServer?.close(), async () => embedded?.stop()],
    // An orphaned redis-server would still hold ./data/redis when the next `npm start` opens it.
    onDeadline: () => void embedded?.stop(),
  });
  exitOnSignals(shutdown, logger);

  if (env.portExplicit && !slackOwnsPort) publicServer = await startPublicServer(env, app, logger);

  if (consoleMode) {
    const chat = new ConsoleChat({
      core: app.core,
      jobs: app.jobs,
      clock,
      input: process.stdin,
      output: process.stdout,
      timeZone: config.timezone,
    });
    app.platforms.register(new ConsolePlatform((text) => chat.print(text), app.services.redactor));
    adapters.push(consoleInput(process.stdin));
    app.startWorkers();
    // Once a shutdown has begun, the end of the chat loop is part of it, not an error of its own.
    await chat.run().catch((error: unknown) => {
      if (!shutdown.stopping) throw error;
    });
    await shutdown.run('end of input', 0);
    return;
  }

  const routes: HttpRoute[] = createHealthRoutes({
    redis,
    workers: app.jobs,
    readiness: app.readiness,
    adapters: () => adapters,
    metrics,
    ...(env.ops.token ? { metricsToken: env.ops.token } : {}),
  });
  // Up before the adapters, so a probe sees "alive, not ready yet" through a slow start.
  http = await startOpsServer(env, routes, logger);
  const options: AdapterStartOptions = {
    app,
    env,
    config,
    ...(slackOwnsPort ? { publicRoute: app.http.asBoltRoute() } : {}),
  };
  // Each adapter registers its ChatPlatform. They start side by side: Discord's gateway handshake
  // and Slack's auth.test are both mostly waiting on the network.
  const starting = [
    ...(env.slack ? [startSlackAdapter(options, { logger })] : []),
    ...(env.discord ? [startDiscordAdapter(options, { logger })] : []),
  ];
  const started = await Promise.allSettled(starting);
  for (const result of started) if (result.status === 'fulfilled') adapters.push(result.value);
  const failed = started.find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
  app.startWorkers();
  logger.info({ adapters: adapters.map((adapter) => adapter.name) }, 'tocsin is running');
}

/** The console as a RunningAdapter: stopping it ends the input, which ends the chat loop. */
function consoleInput(input: NodeJS.ReadStream): RunningAdapter {
  return {
    name: 'console',
    isReady: () => true,
    stop: async () => {
      // Lines still arriving after the end are dropped, not raised as a stream error.
      input.on('error', () => {});
      input.push(null);
    },
  };
}

/** The public surface on PORT when no adapter owns the port; a taken port stops the start with its name. */
async function startPublicServer(
  env: ReturnType<typeof readEnvOptions>,
  app: ReturnType<typeof createApp>,
  logger: ReturnType<typeof createLogger>,
): Promise<HttpServerHandle> {
  try {
    return await startHttpServer(env.port, [], { fallback: app.http.listener, logger, name: 'public' });
  } catch (cause) {
    throw new SystemError(
      'http_listen_failed',
      `Could not serve the web view, webhooks and status page on PORT ${env.port}: ${(cause as Error).message}`,
      { cause },
    );
  }
}

/** Health and metrics on METRICS_HOST:METRICS_PORT; a taken port stops the start with its name. */
async function startOpsServer(
  env: ReturnType<typeof readEnvOptions>,
  routes: HttpRoute[],
  logger: ReturnType<typeof createLogger>,
): Promise<HttpServerHandle> {
  try {
    return await startHttpServer(env.ops.port, routes, { host: env.ops.host, logger });
  } catch (cause) {
    throw new SystemError(
      'http_listen_failed',
      `Could not serve health and metrics on METRICS_HOST ${env.ops.host}, METRICS_PORT ${env.ops.port}: ${(cause as Error).message}`,
      { cause },
    );
  }
}

main().catch((error: unknown) => {
  const message = error instanceof SystemError ? error.message : ((error as Error).stack ?? String(error));
  // The one line written without the logger (it may not exist yet): redacted like every log line.
  process.stderr.write(`tocsin could not start:\n${createRedactor().redact(message)}\n`);
  process.exit(1);
});
