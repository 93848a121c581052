/** Everything the bot reads from the environment, read once, here and nowhere else. */
export interface EnvOptions {
  redisUrl?: string;
  /** REDIS_CLUSTER_NODES as given (`host:port,host:port`); parsed where the connection is made. */
  redisClusterNodes?: string;
  configPath?: string;
  configExplicit: boolean;
  postmortemDir: string;
  dataDir: string;
  port: number;
  /** PORT was set: the public HTTP server (webhooks, status page, web view) runs in every mode. */
  portExplicit: boolean;
  /**
   * Where /healthz, /readyz and /metrics are served: their own server, never the public PORT.
   * Loopback by default; `token` (METRICS_TOKEN) makes /metrics ask for `Authorization: Bearer`.
   */
  ops: { host: string; port: number; token?: string };
  logLevel: string;
  slack?: { botToken: string; signingSecret?: string; appToken?: string; apiUrl: string };
  discord?: { token: string; applicationId: string; guildId?: string; apiUrl: string };
  /** The web view: its public address in links (WEB_BASE_URL) and the key that signs them. */
  web: { baseUrl: string; sessionSecret?: string };
  /** WEB_BASE_URL: where people open incidents in a browser (links from tickets point there). */
  webBaseUrl?: string;
  /** Endpoints of the paging services, overridable so a fake (or an EU region) can stand in. */
  paging: { pagerdutyEventsUrl: string; opsgenieApiUrl: string };
  raw: Readonly<Record<string, string | undefined>>;
}

export const DEFAULT_SLACK_API_URL = 'https://slack.com/api/';
export const DEFAULT_DISCORD_API_URL = 'https://discord.com/api';
export const DEFAULT_PAGERDUTY_EVENTS_URL = 'https://events.pagerduty.com/v2/enqueue';
export const DEFAULT_OPSGENIE_API_URL = 'https://api.opsgenie.com';
export const DEFAULT_METRICS_HOST = '127.0.0.1';
export const DEFAULT_METRICS_PORT = 9464;

export function readEnvOptions(env: Readonly<Record<string, string | undefined>> = process.env): EnvOptions {
  const options: EnvOptions = {
    configExplicit: env.INCIDENT_CONFIG !== undefined,
    postmortemDir: env.POSTMORTEM_DIR ?? './postmortems',
    dataDir: env.TOCSIN_DATA_DIR ?? './data',
    port: Number(env.PORT ?? 3000),
    portExplicit: env.PORT !== undefined && env.PORT !== '',
    ops: {
      host: env.METRICS_HOST || DEFAULT_METRICS_HOST,
      port: Number(env.METRICS_PORT || DEFAULT_METRICS_PORT),
      ...(env.METRICS_TOKEN ? { token: env.METRICS_TOKEN } : {}),
    },
    logLevel: env.LOG_LEVEL ?? 'info',
    configPath: env.INCIDENT_CONFIG ?? './incident.config.yml',
    paging: {
      pagerdutyEventsUrl: env.PAGERDUTY_EVENTS_URL || DEFAULT_PAGERDUTY_EVENTS_URL,
      opsgenieApiUrl: env.OPSGENIE_API_URL || DEFAULT_OPSGENIE_API_URL,
    },
    web: {
      baseUrl: env.WEB_BASE_URL || `http://localhost:${env.PORT || 3000}`,
      ...(env.WEB_SESSION_SECRET ? { sessionSecret: env.WEB_SESSION_SECRET } : {}),
    },
    raw: env,
  };
  if (env.WEB_BASE_URL) options.webBaseUrl = env.WEB_BASE_URL.replace(/\/+$/, '');
  if (env.REDIS_URL) options.redisUrl = env.REDIS_URL;
  if (env.REDIS_CLUSTER_NODES) options.redisClusterNodes = env.REDIS_CLUSTER_NODES;
  if (env.SLACK_BOT_TOKEN) {
    options.slack = {
      botToken: env.SLACK_BOT_TOKEN,
      apiUrl: env.SLACK_API_URL ?? DEFAULT_SLACK_API_URL,
      ...(env.SLACK_SIGNING_SECRET ? { signingSecret: env.SLACK_SIGNING_SECRET } : {}),
      ...(env.SLACK_APP_TOKEN ? { appToken: env.SLACK_APP_TOKEN } : {}),
    };
  }
  if (env.DISCORD_TOKEN && env.DISCORD_APPLICATION_ID) {
    options.discord = {
      token: env.DISCORD_TOKEN,
      applicationId: env.DISCORD_APPLICATION_ID,
      apiUrl: env.DISCORD_API_URL ?? DEFAULT_DISCORD_API_URL,
      ...(env.DISCORD_GUILD_ID ? { guildId: env.DISCORD_GUILD_ID } : {}),
    };
  }
  return options;
}

/** Variables whose values are credentials: the logger scrubs these exact values wherever they appear. */
export const SECRET_ENV_NAMES = [
  'SLACK_BOT_TOKEN',
  'SLACK_SIGNING_SECRET',
  'SLACK_APP_TOKEN',
  'DISCORD_TOKEN',
  'PAGERDUTY_ROUTING_KEY',
  'OPSGENIE_API_KEY',
  'PAGER_WEBHOOK_SECRET',
  'METRICS_TOKEN',
  'WEB_SESSION_SECRET',
  'GITHUB_TOKEN',
  'JIRA_TOKEN',
  'FOLLOW_UPS_WEBHOOK_SECRET',
  'STATUSPAGE_API_KEY',
] as const;

/** The credentials set in the environment, plus a password inside REDIS_URL, for log redaction. */
export function secretValues(options: EnvOptions): string[] {
  const values: string[] = [];
  for (const name of SECRET_ENV_NAMES) {
    const value = options.raw[name];
    if (value) values.push(value);
  }
  if (options.redisUrl) {
    try {
      const password = decodeURIComponent(new URL(options.redisUrl).password);
      if (password) values.push(password);
    } catch {
      // Not a URL ioredis accepts either; connecting will say so.
    }
  }
  return values;
}
