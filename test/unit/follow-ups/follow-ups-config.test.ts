import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config/load-config.ts';
import { readEnvOptions, secretValues } from '../../../src/config/read-env.ts';
import { autoExportSystems } from '../../../src/follow-ups/follow-ups-config.ts';
import { followUpSecrets } from '../../../src/follow-ups/register-follow-ups.ts';

const ENV = {
  GITHUB_TOKEN: 'ghp_env0123456789',
  JIRA_EMAIL: 'bot@acme.example',
  JIRA_TOKEN: 'jira-env-token',
  FOLLOW_UPS_WEBHOOK_SECRET: 'whsec-env',
  STATUSPAGE_API_KEY: 'sp-env-key',
};

const ISSUE_EXAMPLE = `
follow_ups:
  github: { repo: acme/platform, token: \${GITHUB_TOKEN}, labels: [incident], api_url: https://api.github.com }
  jira:   { site: https://acme.atlassian.net, email: \${JIRA_EMAIL}, token: \${JIRA_TOKEN}, project: OPS, issue_type: Task }
  auto_export: true            # every new action item, or \`/incident action export <n> github|jira\`
  webhook_secret: \${FOLLOW_UPS_WEBHOOK_SECRET}
  poll: 10m
status_page:
  statuspage: { page_id: abc123, api_key: \${STATUSPAGE_API_KEY}, api_url: https://api.statuspage.io/v1 }
`;

function problems(yaml: string): string {
  try {
    parseConfig(yaml, ENV, 'incident.config.yml');
    return '';
  } catch (error) {
    return (error as Error).message;
  }
}

describe('the follow_ups and status_page config', () => {
  it('reads the example of the issue, with credentials from the environment', () => {
    const config = parseConfig(ISSUE_EXAMPLE, ENV, 'incident.config.yml');
    expect(config.follow_ups?.github).toEqual({
      repo: 'acme/platform',
      token: ENV.GITHUB_TOKEN,
      labels: ['incident'],
      api_url: 'https://api.github.com',
    });
    expect(config.follow_ups?.jira?.token).toBe(ENV.JIRA_TOKEN);
    expect(config.follow_ups?.poll).toBe(600_000);
    expect(autoExportSystems(config.follow_ups)).toEqual(['github', 'jira']);
    expect(config.status_page.statuspage?.api_key).toBe(ENV.STATUSPAGE_API_KEY);
    expect(followUpSecrets(config).sort()).toEqual(
      [ENV.GITHUB_TOKEN, ENV.JIRA_TOKEN, ENV.FOLLOW_UPS_WEBHOOK_SECRET, ENV.STATUSPAGE_API_KEY].sort(),
    );
  });

  it('says which key is wrong and how to write it', () => {
    expect(problems('follow_ups:\n  github: { repo: platform, token: x }\n')).toContain(
      'follow_ups.github.repo: repo must be owner/name (acme/platform)',
    );
    expect(problems('follow_ups:\n  jira: { site: acme, email: a, token: b, project: OPS }\n')).toContain(
      'follow_ups.jira.site: site must be an http(s) URL such as https://acme.atlassian.net',
    );
    expect(problems('follow_ups:\n  github: { repo: a/b }\n')).toContain('token is required (use $');
    expect(problems('follow_ups:\n  auto_export: true\n')).toContain(
      'auto_export needs follow_ups.github or follow_ups.jira',
    );
    expect(problems('follow_ups:\n  github: { repo: a/b, token: x }\n  auto_export: jira\n')).toContain(
      'auto_export is jira, but follow_ups.jira is not configured',
    );
    expect(problems('follow_ups:\n  poll: 10s\n')).toContain('poll must be at least 1m');
    expect(problems('status_page:\n  statuspage: { page_id: abc123 }\n')).toContain('api_key is required');
  });

  it('refuses a config that names an unset variable', () => {
    expect(() => parseConfig(ISSUE_EXAMPLE, {}, 'incident.config.yml')).toThrow('GITHUB_TOKEN is not set');
  });

  it('scrubs the follow-up credentials set in the environment from the logs', () => {
    const values = secretValues(readEnvOptions(ENV));
    for (const name of [
      'GITHUB_TOKEN',
      'JIRA_TOKEN',
      'FOLLOW_UPS_WEBHOOK_SECRET',
      'STATUSPAGE_API_KEY',
    ] as const) {
      expect(values).toContain(ENV[name]);
    }
  });
});
