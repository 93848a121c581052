import { describe, expect, it } from 'vitest';
import { interpolateEnv, parseConfig } from '../../src/config/load-config.ts';
import { readEnvOptions } from '../../src/config/read-env.ts';

describe('the YAML config', () => {
  it('gives built-in defaults for an empty file', () => {
    const config = parseConfig('', {}, 'incident.config.yml');
    expect(config).toMatchObject({ timezone: 'UTC', default_severity: 'SEV3' });
  });

  it('reads the workspace time zone and default severity', () => {
    const config = parseConfig('timezone: Europe/Berlin\ndefault_severity: sev-2\n', {}, 'x.yml');
    expect(config).toMatchObject({ timezone: 'Europe/Berlin', default_severity: 'SEV2' });
  });

  it('names the key and the problem when a value is invalid', () => {
    expect(() => parseConfig('timezone: Mars/Olympus\n', {}, 'x.yml')).toThrow(
      /timezone: is not an IANA time zone/,
    );
  });

  it('names an unknown key', () => {
    expect(() => parseConfig('timezon: UTC\n', {}, 'x.yml')).toThrow(/unknown key\(s\) "timezon"/);
  });

  it('names a nested key', () => {
    expect(() => parseConfig('slack:\n  responders: nope\n', {}, 'x.yml')).toThrow(/slack\.responders/);
  });

  it('replaces ${VAR} from the environment', () => {
    expect(interpolateEnv('secret: ${PAGER_SECRET}', { PAGER_SECRET: 's3' })).toBe('secret: s3');
  });

  it('stops with a clear message when ${VAR} is not set', () => {
    expect(() => interpolateEnv('secret: ${NOPE}', {})).toThrow(/NOPE is not set/);
  });

  it('reports broken YAML as such', () => {
    expect(() => parseConfig('a: [1,\n', {}, 'x.yml')).toThrow(/x\.yml is not valid YAML/);
  });
});

describe('the environment', () => {
  it('runs the console when no platform tokens are set', () => {
    const env = readEnvOptions({});
    expect(env.slack).toBeUndefined();
    expect(env.discord).toBeUndefined();
    expect(env.postmortemDir).toBe('./postmortems');
  });

  it('reads Slack and Discord settings under their contract names', () => {
    const env = readEnvOptions({
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_SIGNING_SECRET: 'sig',
      SLACK_API_URL: 'http://127.0.0.1:1/api/',
      DISCORD_TOKEN: 'tok',
      DISCORD_APPLICATION_ID: '1',
      DISCORD_API_URL: 'http://127.0.0.1:2/api',
    });
    expect(env.slack?.apiUrl).toBe('http://127.0.0.1:1/api/');
    expect(env.discord?.apiUrl).toBe('http://127.0.0.1:2/api');
  });
});
