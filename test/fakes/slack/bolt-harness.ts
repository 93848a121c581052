import type { AddressInfo } from 'node:net';
import {
  App,
  type AppOptions,
  ExpressReceiver,
  type Logger,
  LogLevel,
  SocketModeReceiver,
} from '@slack/bolt';
import type { FakeSlack } from './fake-slack-web-api.ts';

/**
 * Starts the REAL Bolt App against a FakeSlack, in HTTP mode (default HTTPReceiver) or Socket
 * Mode, with the settings that keep every call on loopback and every failure fast.
 */

export interface CapturingLogger extends Logger {
  /** Lines logged at warn or error, as "level: message". */
  readonly problems: string[];
}

/** A Bolt/WebClient logger that prints nothing and keeps warnings and errors for assertions. */
export function capturingLogger(): CapturingLogger {
  const problems: string[] = [];
  let level = LogLevel.INFO;
  const fmt = (msg: unknown[]) => msg.map((m) => (m instanceof Error ? m.message : String(m))).join(' ');
  return {
    problems,
    debug: () => {},
    info: () => {},
    warn: (...msg: unknown[]) => void problems.push(`warn: ${fmt(msg)}`),
    error: (...msg: unknown[]) => void problems.push(`error: ${fmt(msg)}`),
    setLevel: (l: LogLevel) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => {},
  };
}

/**
 * WebClient options pointing at the fake. `retryConfig: { retries: 0 }` by default: the
 * client's own default (10 retries over ~30 minutes) turns an injected 5xx into a hung test.
 * Returns a fresh object each time (Bolt mutates the one it is given).
 */
export function fakeClientOptions(fake: FakeSlack, extra: NonNullable<AppOptions['clientOptions']> = {}) {
  return { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 }, ...extra };
}

export interface RunningBoltApp {
  app: App;
  logger: CapturingLogger;
  /** The events endpoint, `http://127.0.0.1:<port>/slack/events` (HTTP mode only). */
  eventsUrl: string;
  stop(): Promise<void>;
}

type Configure = (app: App) => void;

export interface HttpAppOptions extends Partial<AppOptions> {
  /** 'http' = Bolt's default HTTPReceiver (default); 'express' = an ExpressReceiver. */
  receiverKind?: 'http' | 'express';
}

/** An HTTP-mode App listening on 127.0.0.1, free port. */
export async function startBoltHttpApp(
  fake: FakeSlack,
  configure: Configure,
  options: HttpAppOptions = {},
): Promise<RunningBoltApp> {
  const logger = capturingLogger();
  const { receiverKind = 'http', ...appOptions } = options;
  const receiver =
    receiverKind === 'express'
      ? new ExpressReceiver({ signingSecret: fake.signingSecret, logger })
      : undefined;
  const app = new App({
    ...(receiver ? { receiver } : { signingSecret: fake.signingSecret }),
    token: fake.botToken,
    logger,
    clientOptions: fakeClientOptions(fake),
    ...appOptions,
  });
  configure(app);
  const server = await app.start({ port: 0, host: '127.0.0.1' });
  const { port } = server.address() as AddressInfo;
  return {
    app,
    logger,
    eventsUrl: `http://127.0.0.1:${port}/slack/events`,
    stop: () => app.stop().then(() => undefined),
  };
}

export interface SocketAppOptions extends Partial<AppOptions> {
  /**
   * Builds the SocketModeReceiver explicitly with this `clientPingTimeout`. The client waits
   * clientPingTimeout × attempts before each reconnect (5 s by default) and App does not pass
   * the option through, so reconnect tests set it low.
   */
  clientPingTimeoutMs?: number;
}

/** A Socket Mode App connected to the fake (resolves after the fake's hello). */
export async function startBoltSocketApp(
  fake: FakeSlack,
  configure: Configure,
  options: SocketAppOptions = {},
): Promise<RunningBoltApp> {
  const logger = capturingLogger();
  const { clientPingTimeoutMs, ...appOptions } = options;
  const receiver =
    clientPingTimeoutMs === undefined
      ? undefined
      : new SocketModeReceiver({
          appToken: fake.appToken,
          logger,
          clientPingTimeout: clientPingTimeoutMs,
          // a receiver built by hand does not inherit App's clientOptions: without this,
          // apps.connections.open would go to https://slack.com/api/
          installerOptions: { clientOptions: fakeClientOptions(fake) },
        });
  const app = new App({
    socketMode: true,
    appToken: fake.appToken,
    token: fake.botToken,
    logger,
    clientOptions: fakeClientOptions(fake),
    ...(receiver ? { receiver } : {}),
    ...appOptions,
  });
  configure(app);
  await app.start();
  await fake.socketMode.waitForConnection();
  return { app, logger, eventsUrl: '', stop: () => app.stop().then(() => undefined) };
}
