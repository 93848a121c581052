import type { webApi } from '@slack/bolt';
import { secretValues } from '../../src/config/read-env.ts';
import { backfillOpenIncidents, SystemError } from '../../src/core/public-api.ts';
import { createLogger, type Logger } from '../../src/logging/create-logger.ts';
import type { AdapterStartOptions, RunningAdapter } from '../../src/ports/running-adapter.ts';
import { AdapterRuntime } from '../runtime/adapter-runtime.ts';
import { boltLogger } from './bolt-logger.ts';
import { ChannelPacer, type PacerOptions } from './channel-pacer.ts';
import { connectReceiver, whoAmI } from './connect-receiver.ts';
import { createBoltApp, type SlackMode } from './create-bolt-app.ts';
import { registerButtons } from './register-buttons.ts';
import { registerEventCapture } from './register-events.ts';
import { registerModals } from './register-modals.ts';
import { registerAddToTimeline } from './register-shortcut.ts';
import { registerSlashCommand } from './register-slash-command.ts';
import { responseUrlPoster } from './response-url.ts';
import { SLACK_PLATFORM } from './slack-context.ts';
import { SlackPlatform } from './slack-platform.ts';
import { SlackPoster } from './slack-poster.ts';
import type { SlackRuntime } from './slack-runtime.ts';
import { UserDirectory } from './user-directory.ts';
import { configuredGroups, UserGroups } from './user-groups.ts';

/** Knobs the composition root leaves at their defaults; tests turn them. */
export interface SlackAdapterOverrides {
  /** Interface to listen on in HTTP mode (all interfaces by default; tests use 127.0.0.1). */
  host?: string;
  logger?: Logger;
  retryConfig?: webApi.RetryOptions;
  clientPingTimeoutMs?: number;
  historyPageSize?: number;
  /** Multiplies the waits of a slow history read (a test's minute lasts milliseconds). */
  historyWaitScale?: number;
  pacer?: PacerOptions;
}

/** The running Slack adapter: the RunningAdapter contract, plus what tests and tools look at. */
export interface RunningSlackAdapter extends RunningAdapter {
  readonly mode: SlackMode;
  /** `http://<host>:<port>/slack/events` in HTTP mode. */
  readonly eventsUrl: string | undefined;
  readonly platform: SlackPlatform;
  /** Resolves once the startup backfill of open incidents has finished (or given up). */
  readonly backfilled: Promise<void>;
  /** Resolves true once the work started by deliveries so far has finished. */
  settled(timeoutMs?: number): Promise<boolean>;
}

const STOP_GRACE_MS = 10_000;

/**
 * Starts Slack: the Bolt App in HTTP mode (SLACK_BOT_TOKEN + SLACK_SIGNING_SECRET, on PORT) or
 * Socket Mode (SLACK_APP_TOKEN as well), registers the
 * `slack` ChatPlatform, and backfills open incidents before it says it is ready.
 */
export async function startSlackAdapter(
  options: AdapterStartOptions,
  overrides: SlackAdapterOverrides = {},
): Promise<RunningSlackAdapter> {
  const { app, env, config } = options;
  const slack = env.slack;
  if (!slack) throw new SystemError('config_invalid', 'Slack needs SLACK_BOT_TOKEN.');
  if (!slack.appToken && !slack.signingSecret) {
    throw new SystemError(
      'config_invalid',
      'Slack HTTP mode needs SLACK_SIGNING_SECRET (Basic Information → App Credentials); for Socket Mode set SLACK_APP_TOKEN instead.',
    );
  }
  const logger = (
    overrides.logger ?? createLogger({ level: env.logLevel, secrets: secretValues(env) })
  ).child({
    adapter: SLACK_PLATFORM,
  });
  const warn = (message: string, error?: unknown) =>
    logger.warn(error === undefined ? {} : { err: error }, message);
  const { bolt, mode, receiver } = createBoltApp({
    slack,
    logger: boltLogger(logger),
    ...(options.publicRoute ? { publicRoute: options.publicRoute } : {}),
    ...(overrides.retryConfig ? { retryConfig: overrides.retryConfig } : {}),
    ...(overrides.clientPingTimeoutMs === undefined
      ? {}
      : { clientPingTimeoutMs: overrides.clientPingTimeoutMs }),
  });
  const bot = await whoAmI(bolt.client);
  await bolt.init();

  const poster = new SlackPoster(bolt.client, new ChannelPacer(overrides.pacer));
  const users = new UserDirectory(bolt.client);
  // The app's one redactor: channel names, modals, announcements and replies redact alike.
  const redact = (text: string) => app.services.redactor.redact(text);
  // As Slack always did: a slow command (a postmortem waiting out rate limits) holds its channel 2 s at most.
  const inbound = new AdapterRuntime({ core: app.core, warn, maxChannelWaitMs: 2000 });
  const runtime: SlackRuntime = {
    inbound,
    store: app.store,
    config,
    poster,
    users,
    groups: new UserGroups(bolt.client, configuredGroups(config), warn),
    bot,
    redact,
    warn,
    metrics: app.services.metrics,
    responder: responseUrlPoster,
  };
  const platform = new SlackPlatform({
    client: bolt.client,
    poster,
    users,
    bot,
    config,
    store: app.store,
    redact,
    warn,
    ...(overrides.historyPageSize ? { historyPageSize: overrides.historyPageSize } : {}),
    ...(overrides.historyWaitScale === undefined ? {} : { historyWaitScale: overrides.historyWaitScale }),
  });
  app.platforms.register(platform);
  registerSlashCommand(bolt, runtime);
  registerButtons(bolt, runtime);
  registerModals(bolt, runtime);
  registerAddToTimeline(bolt, runtime);
  registerEventCapture(bolt, runtime);
  bolt.error(async (error) => warn('Bolt could not handle a delivery', error));

  const connection = await connectReceiver(bolt, mode, receiver, {
    port: env.port,
    ...(overrides.host ? { host: overrides.host } : {}),
  });
  const { eventsUrl } = connection;

  // What was said while tocsin was down goes into the log before it calls itself ready.
  let backfillDone = false;
  const finished = app.readiness.startTask('slack backfill');
  const backfilled = backfillOpenIncidents(app.services, SLACK_PLATFORM)
    .then((written) => logger.info({ written }, 'slack backfill finished'))
    .catch((error: unknown) => warn('slack backfill failed', error))
    .finally(() => {
      backfillDone = true;
      finished();
    });

  let stopped = false;
  logger.info({ mode, eventsUrl, team: bot.teamUrl }, 'slack adapter started');
  return {
    name: SLACK_PLATFORM,
    mode,
    eventsUrl,
    platform,
    backfilled,
    isReady: () => !stopped && connection.isConnected() && backfillDone,
    settled: (timeoutMs = 30_000) => inbound.drained(timeoutMs),
    stop: async () => {
      if (stopped) return;
      stopped = true;
      // No new deliveries first, then the ones already acked get to finish.
      await bolt.stop().catch((error: unknown) => warn('stopping Bolt failed', error));
      inbound.close();
      await inbound.drained(STOP_GRACE_MS);
    },
  };
}
