import { describe, expect, it } from 'vitest';
import { readEnvOptions, secretValues } from '../../../src/config/read-env.ts';
import { createLogger, type LoggerOptions } from '../../../src/logging/create-logger.ts';
import { incidentLogger } from '../../../src/logging/incident-logger.ts';
import { allTokens, fakeTokens } from './fake-tokens.ts';

const tokens = fakeTokens();

function capture(options: Omit<LoggerOptions, 'destination'> = {}) {
  const lines: string[] = [];
  const logger = createLogger({ ...options, destination: { write: (line: string) => lines.push(line) } });
  return { logger, output: () => lines.join(''), records: () => lines.map((line) => JSON.parse(line)) };
}

function expectNoToken(output: string, secrets: readonly string[] = allTokens(tokens)): void {
  for (const secret of secrets) expect(output).not.toContain(secret);
}

describe('logs never show tokens or secrets', () => {
  it('a Slack bot token in a log message comes out as a redaction marker', () => {
    const { logger, output } = capture();
    logger.info(`posting with ${tokens.slackBot} failed`);
    expectNoToken(output());
    expect(output()).toContain('[REDACTED:slack-token]');
  });

  it('Slack and Discord tokens interpolated into a message are redacted', () => {
    const { logger, output } = capture();
    logger.warn('slack %s discord %s', tokens.slackApp, tokens.discordBot);
    expectNoToken(output());
    expect(output()).toContain('[REDACTED:discord-bot-token]');
  });

  it('tokens anywhere inside a logged object, arrays included, are redacted', () => {
    const { logger, output } = capture();
    logger.info(
      {
        request: { url: 'https://api.example/chat.postMessage', body: `token=${tokens.slackBot}` },
        attempts: [{ header: `Authorization: Bot ${tokens.discordBot}` }],
        pager: { call: `Authorization: Token token=${tokens.pagerdutyApiKey}` },
      },
      'platform call failed',
    );
    expectNoToken(output());
  });

  it('credential-named keys are censored whatever their value looks like', () => {
    const { logger, output, records } = capture();
    logger.info({ slack: { botToken: 'plain', signingSecret: tokens.slackSigningSecret } }, 'settings');
    expectNoToken(output());
    expect(records()[0].slack).toEqual({ botToken: '[REDACTED]', signingSecret: '[REDACTED]' });
  });

  it('an error whose message and stack carry a token is logged without it', () => {
    const { logger, output, records } = capture();
    const error = new Error(`401 from Slack for ${tokens.slackBot}`, {
      cause: new Error(`discord said no to ${tokens.discordBot}`),
    });
    logger.error({ err: error }, 'call failed');
    expectNoToken(output());
    expect(records()[0].err.message).toContain('[REDACTED:slack-token]');
  });

  it('child-logger bindings carrying a token are redacted', () => {
    const { logger, output } = capture();
    logger.child({ request: `xoxb token was ${tokens.slackBot}` }).info('hello');
    expectNoToken(output());
  });

  it('configured secrets with no recognisable shape (PagerDuty routing key, Opsgenie key) are scrubbed', () => {
    const env = readEnvOptions({
      PAGERDUTY_ROUTING_KEY: tokens.pagerdutyRoutingKey,
      OPSGENIE_API_KEY: tokens.opsgenieKey,
      SLACK_BOT_TOKEN: tokens.slackBot,
      SLACK_SIGNING_SECRET: tokens.slackSigningSecret,
      REDIS_URL: 'redis://:s3cret-redis-pw@redis:6379',
    });
    const { logger, output } = capture({ secrets: secretValues(env) });
    logger.info(
      `event sent with routing key ${tokens.pagerdutyRoutingKey}, GenieKey ${tokens.opsgenieKey}, ` +
        `signature over ${tokens.slackSigningSecret}, redis pw s3cret-redis-pw`,
    );
    expectNoToken(output(), [...allTokens(tokens), 's3cret-redis-pw']);
  });

  it('without the configured values, a bare PagerDuty routing key is not recognisable (why secrets are passed in)', () => {
    const { logger, output } = capture();
    logger.info(`routing key ${tokens.pagerdutyRoutingKey}`);
    expect(output()).toContain(tokens.pagerdutyRoutingKey);
  });

  it('pretty console lines are redacted too', () => {
    const { logger, output } = capture({ pretty: true });
    logger.info({ incident: 'console:local:INC-1' }, `pasted ${tokens.slackBot}`);
    expectNoToken(output());
    expect(output()).toMatch(/INFO.*pasted \[REDACTED:slack-token\]/);
    expect(output()).toContain('console:local:INC-1');
  });
});

describe('log lines', () => {
  it('are JSON objects carrying the incident key when logged through an incident logger', () => {
    const { logger, records } = capture();
    incidentLogger(logger, { platform: 'slack', workspace: 'T1', number: 4 }).info('paged');
    expect(records()[0]).toMatchObject({ incident: 'slack:T1:INC-4', msg: 'paged', level: 30 });
  });

  it('follow the configured level', () => {
    const { logger, output } = capture({ level: 'warn' });
    logger.info('quiet');
    logger.warn('loud');
    expect(output()).not.toContain('quiet');
    expect(output()).toContain('loud');
  });
});
