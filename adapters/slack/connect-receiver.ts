import type { AddressInfo } from 'node:net';
import type { App, webApi } from '@slack/bolt';
import { SystemError } from '../../src/core/public-api.ts';
import { EVENTS_PATH, type SlackMode } from './create-bolt-app.ts';
import type { BotIdentity } from './slack-message.ts';
import { asSlackPlatformError } from './slack-platform-error.ts';

export interface Connection {
  /** `http://<host>:<port>/slack/events` in HTTP mode. */
  eventsUrl: string | undefined;
  /** Listening (HTTP) or holding an open WebSocket (Socket Mode). */
  isConnected(): boolean;
}

interface SocketEvents {
  on(event: 'connected' | 'disconnected' | 'reconnecting', listener: () => void): unknown;
}

/**
 * Starts receiving: listens on PORT in HTTP mode, opens the WebSocket in Socket Mode (and follows
 * it through Slack's reconnects). A failure says which setting to look at.
 */
export async function connectReceiver(
  bolt: App,
  mode: SlackMode,
  receiver: unknown,
  listen: { port: number; host?: string },
): Promise<Connection> {
  if (mode === 'socket') {
    let connected = false;
    const client = (receiver as { client?: SocketEvents }).client;
    client?.on('connected', () => {
      connected = true;
    });
    client?.on('disconnected', () => {
      connected = false;
    });
    client?.on('reconnecting', () => {
      connected = false;
    });
    await bolt.start().catch((error: unknown) => {
      const code = asSlackPlatformError(error, 'apps.connections.open').code;
      throw new SystemError(
        'slack_connect_failed',
        `Could not open the Slack Socket Mode connection (${code}). Check SLACK_APP_TOKEN: an app-level ` +
          'token (xapp-…) with the connections:write scope, and Socket Mode enabled for the app.',
        { cause: error },
      );
    });
    connected = true;
    return { eventsUrl: undefined, isConnected: () => connected };
  }
  const server = await bolt
    .start(listen.host ? { port: listen.port, host: listen.host } : listen.port)
    .catch((error: unknown) => {
      throw new SystemError(
        'http_listen_failed',
        `Could not listen on PORT ${listen.port} for Slack: ${(error as Error).message}`,
        { cause: error },
      );
    });
  const address = server.address() as AddressInfo;
  const eventsUrl = `http://${listen.host ?? '127.0.0.1'}:${address.port}${EVENTS_PATH}`;
  return { eventsUrl, isConnected: () => server.listening };
}

/** Who the bot is: its user and bot ids (never to capture itself) and the workspace URL (for links). */
export async function whoAmI(client: webApi.WebClient): Promise<BotIdentity> {
  try {
    const answer = await client.auth.test();
    return { userId: answer.user_id, botId: answer.bot_id, teamUrl: answer.url };
  } catch (error) {
    const failure = asSlackPlatformError(error, 'auth.test');
    throw new SystemError(
      'slack_auth_failed',
      `Slack refused SLACK_BOT_TOKEN (${failure.code}). Check the token (OAuth & Permissions → Bot User ` +
        'OAuth Token) and SLACK_API_URL.',
      { cause: error },
    );
  }
}
