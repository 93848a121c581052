import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config/load-config.ts';
import { readEnvOptions } from '../../../src/config/read-env.ts';
import { policyFor } from '../../../src/paging/severity-policy.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

function problems(yaml: string, env: Record<string, string> = {}): string {
  try {
    parseConfig(yaml, env, 'incident.config.yml');
    return '';
  } catch (error) {
    return (error as Error).message;
  }
}

const SCHEDULE = `
schedules:
  - id: platform
    timezone: Europe/Berlin
    layers:
      - { name: primary, rotation: weekly, handoff: "09:00", start: 2025-01-06, members: [U1, U2] }
      - { name: secondary, rotation: daily, handoff: "09:00", start: 2025-01-06, members: [U3] }
`;

describe('the default severity policy (seed 001)', () => {
  const { severities } = parseConfig('', {}, 'incident.config.yml');

  it('describes each severity with the response time of the seed table', () => {
    expect(severities.map((policy) => [policy.id, policy.description, policy.responseTargetMs])).toEqual([
      ['SEV1', 'Platform down, all users affected', 15 * MINUTE],
      ['SEV2', 'Feature broken, subset of users affected', HOUR],
      ['SEV3', 'Minor issue, no user impact or minimal degradation', 4 * HOUR],
      ['SEV4', 'Cosmetic or informational, no user impact', 24 * HOUR],
    ]);
  });

  it('escalates a SEV2 still unresolved after 2h to SEV1', () => {
    expect(policyFor(severities, 'SEV2').autoEscalate).toEqual({ afterMs: 2 * HOUR, to: 'SEV1' });
    expect(policyFor(severities, 'SEV1').autoEscalate).toBeUndefined();
  });

  it('requires a postmortem after a SEV1 or SEV2 only', () => {
    expect(severities.map((policy) => policy.postmortem.required)).toEqual([true, true, false, false]);
  });

  it('pages nothing until pagers or schedules are configured', () => {
    expect(severities.every((policy) => policy.page.length === 0)).toBe(true);
  });
});

describe('the paging config', () => {
  it('reads the YAML shape of the issue, with the secret from the environment', () => {
    const config = parseConfig(
      `
pagers:
  - id: ops-hook
    type: webhook
    url: https://hooks.example.com/page
    secret: \${PAGER_WEBHOOK_SECRET}
severities:
  - id: SEV1
    page: [ops-hook]
    escalate_if_unacked: 5m
`,
      { PAGER_WEBHOOK_SECRET: 's3cret' },
      'incident.config.yml',
    );
    expect(config.pagers).toEqual([
      {
        id: 'ops-hook',
        type: 'webhook',
        url: 'https://hooks.example.com/page',
        secret: 's3cret',
        timeoutMs: 10_000,
        allowInsecure: false,
      },
    ]);
    const sev1 = policyFor(config.severities, 'SEV1');
    expect(sev1).toMatchObject({ page: ['ops-hook'], escalateIfUnackedMs: 5 * MINUTE });
    // What the entry does not say still comes from the defaults.
    expect(sev1).toMatchObject({
      description: 'Platform down, all users affected',
      updateIntervalMs: 30 * MINUTE,
    });
  });

  it('reads a full escalation chain with a repeat count, and lets false switch an inherited rule off', () => {
    const config = parseConfig(
      `${SCHEDULE}
severities:
  - id: SEV2
    page: [platform]
    escalation:
      steps:
        - { wait: 90s, targets: ["platform:secondary"] }
        - { wait: 1h30m, targets: ["@U9"] }
      repeat: 2
    auto_escalate: false
    update_interval: 20m
`,
      {},
      'x.yml',
    );
    const sev2 = policyFor(config.severities, 'SEV2');
    expect(sev2.escalation).toEqual({
      steps: [
        { waitMs: 90_000, targets: ['platform:secondary'] },
        { waitMs: 90 * MINUTE, targets: ['@U9'] },
      ],
      repeat: 2,
    });
    expect(sev2.autoEscalate).toBeUndefined();
    expect(sev2.updateIntervalMs).toBe(20 * MINUTE);
  });

  it('names a page target that is neither a pager, a schedule nor a user', () => {
    expect(problems(`${SCHEDULE}\nseverities:\n  - { id: SEV1, page: [platfrom] }\n`)).toContain(
      'SEV1.page.0: "platfrom" is not a pager, a schedule or a @user mention (no pagers are configured; schedules: platform)',
    );
  });

  it('names a schedule layer that does not exist', () => {
    expect(problems(`${SCHEDULE}\nseverities:\n  - { id: SEV1, page: ["platform:tertiary"] }\n`)).toContain(
      'schedule "platform" has no layer "tertiary" (layers: primary, secondary)',
    );
  });

  it('refuses both escalate_if_unacked and a full chain on one severity', () => {
    const yaml = `${SCHEDULE}\nseverities:\n  - id: SEV1\n    page: [platform]\n    escalate_if_unacked: 5m\n    escalation: { steps: [{ wait: 5m, targets: [platform] }] }\n`;
    expect(problems(yaml)).toContain(
      'give either escalate_if_unacked (one escalation) or escalation (a full chain)',
    );
  });

  it('refuses an auto-escalation to a severity that is not higher', () => {
    expect(problems('severities:\n  - { id: SEV2, auto_escalate: { after: 1h, to: SEV3 } }\n')).toContain(
      'auto_escalate.to must be more severe than SEV2, got SEV3',
    );
  });

  it('explains a duration it cannot read', () => {
    expect(problems('severities:\n  - { id: SEV1, escalate_if_unacked: 5 minutes }\n')).toContain(
      'severities.0.escalate_if_unacked: escalate_if_unacked: invalid duration "5 minutes"',
    );
  });

  it('refuses a pager id that is also a schedule id, and the reserved id chat', () => {
    const clash = `${SCHEDULE}\npagers:\n  - { id: platform, type: webhook, url: "https://x.example", secret: s }\n`;
    expect(problems(clash)).toContain('"platform" is both a pager and a schedule id');
    expect(
      problems('pagers:\n  - { id: chat, type: webhook, url: "https://x.example", secret: s }\n'),
    ).toContain('id "chat" is reserved for the built-in chat pager');
  });

  it('refuses an unknown pager type and a webhook without a secret', () => {
    expect(problems('pagers:\n  - { id: sms, type: twilio }\n')).toContain(
      'type must be one of webhook, pagerduty, opsgenie',
    );
    expect(problems('pagers:\n  - { id: h, type: webhook, url: "https://x.example" }\n')).toContain(
      'secret is required',
    );
  });
});

describe('pagers on plain http', () => {
  it('refuses an http: webhook url, naming the pager and the way out', () => {
    expect(
      problems('pagers:\n  - { id: h, type: webhook, url: "http://hooks.example", secret: s }\n'),
    ).toContain(
      'pager h: http://hooks.example is plain http, which sends pages unencrypted. Use https, ' +
        'or set allow_insecure: true on this pager if the receiver is on a network you trust',
    );
  });

  it('accepts it with allow_insecure: true', () => {
    const yaml =
      'pagers:\n  - { id: h, type: webhook, url: "http://10.0.0.5/hook", secret: s, allow_insecure: true }\n';
    expect(parseConfig(yaml, {}, 'incident.config.yml').pagers).toMatchObject([
      { id: 'h', url: 'http://10.0.0.5/hook', allowInsecure: true },
    ]);
  });
});

describe('the paging environment', () => {
  it('points PagerDuty and Opsgenie at the real services unless told otherwise', () => {
    expect(readEnvOptions({}).paging).toEqual({
      pagerdutyEventsUrl: 'https://events.pagerduty.com/v2/enqueue',
      opsgenieApiUrl: 'https://api.opsgenie.com',
    });
  });

  it('reads PAGERDUTY_EVENTS_URL and OPSGENIE_API_URL', () => {
    const env = readEnvOptions({
      PAGERDUTY_EVENTS_URL: 'http://127.0.0.1:1/v2/enqueue',
      OPSGENIE_API_URL: 'https://api.eu.opsgenie.com',
    });
    expect(env.paging).toEqual({
      pagerdutyEventsUrl: 'http://127.0.0.1:1/v2/enqueue',
      opsgenieApiUrl: 'https://api.eu.opsgenie.com',
    });
  });
});
