import { App, type Logger as BoltLogger, HTTPReceiver, SocketModeReceiver, type webApi } from '@slack/bolt';
import type { EnvOptions } from '../../src/config/read-env.ts';
import type { HttpRoute } from '../../src/ports/http-route.ts';

/** The endpoint Slack posts slash commands, interactivity and the Events API to (HTTP mode). */
export const EVENTS_PATH = '/slack/events';

/**
 * How the Web API client retries: on a 429 it waits the Retry-After Slack sent, then retries, as
 * do network errors and 5xx, with backoff, five times in all. Rate limiting is this policy's job;
 * nothing in tocsin loops around a 429 by hand.
 */
export const SLACK_RETRY_POLICY: webApi.RetryOptions = {
  retries: 5,
  factor: 2,
  minTimeout: 1000,
  maxTimeout: 30_000,
  randomize: true,
};

export type SlackMode = 'http' | 'socket';

export interface BoltAppOptions {
  slack: NonNullable<EnvOptions['slack']>;
  logger: BoltLogger;
  retryConfig?: webApi.RetryOptions;
  /** Socket Mode: how long to wait for a pong before reconnecting (Bolt's default is 5 s). */
  clientPingTimeoutMs?: number;
  /** HTTP mode: the rest of the public surface, served on the same port as `/slack/events`. */
  publicRoute?: HttpRoute;
}

export interface BoltApp {
  bolt: App;
  mode: SlackMode;
  receiver: HTTPReceiver | SocketModeReceiver;
}

/** Fresh per use: Bolt and the Socket Mode client mutate the options they are given. */
function clientOptions(options: BoltAppOptions): webApi.WebClientOptions {
  return {
    slackApiUrl: options.slack.apiUrl,
    retryConfig: options.retryConfig ?? SLACK_RETRY_POLICY,
    timeout: 30_000,
  };
}

/**
 * The real Bolt App: HTTP mode (`POST /slack/events`, and the public surface beside it; health and
 * metrics have their own server on METRICS_HOST) with a signing secret, Socket Mode with an app-level token. Both receivers are built
 * here, so both get the configured Web API base URL (a hand-built Socket Mode receiver does not
 * inherit App's clientOptions).
 */
export function createBoltApp(options: BoltAppOptions): BoltApp {
  const { slack, logger } = options;
  const mode: SlackMode = slack.appToken ? 'socket' : 'http';
  const receiver =
    mode === 'socket'
      ? new SocketModeReceiver({
          appToken: slack.appToken as string,
          logger,
          installerOptions: { clientOptions: clientOptions(options) },
          ...(options.clientPingTimeoutMs === undefined
            ? {}
            : { clientPingTimeout: options.clientPingTimeoutMs }),
        })
      : new HTTPReceiver({
          signingSecret: slack.signingSecret ?? '',
          endpoints: EVENTS_PATH,
          ...(options.publicRoute ? { customRoutes: [options.publicRoute] } : {}),
          logger,
          // Acks go out first, so everything Bolt waits on after that is ours to finish.
          processBeforeResponse: false,
        });
  const bolt = new App({
    receiver,
    token: slack.botToken,
    logger,
    clientOptions: clientOptions(options),
    // auth.test runs in init(), where a rejected token can fail startup with a clear message.
    deferInitialization: true,
    convoStore: false,
  });
  return { bolt, mode, receiver };
}
