import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config/load-config.ts';
import type { IncidentState } from '../../../src/core/model/incident-state.ts';
import { createPagers } from '../../../src/paging/pagers/pager-registry.ts';
import type { ChatPlatform, InteractiveMessage } from '../../../src/ports/chat-platform.ts';
import { PlatformRegistry } from '../../../src/ports/chat-platform.ts';
import type { PagerDelivery } from '../../../src/ports/pager.ts';
import { createRedactor } from '../../../src/redaction/redact-secrets.ts';
import { HttpReceiver } from '../../fakes/pagers/http-receiver.ts';
import { SECRET_SAMPLES } from '../../fixtures/secret-corpus.ts';

/**
 * Pages leave tocsin for four kinds of receiver. Whatever secret someone pasted into an incident's
 * title, the message of a page or their display name, none of the four is sent it.
 */
let receiver: HttpReceiver;
const dms: InteractiveMessage[] = [];

beforeAll(async () => {
  receiver = await HttpReceiver.start(() => ({ status: 202, body: { status: 'success', result: 'ok' } }));
});
afterAll(async () => receiver.close());

function chatPlatform(): ChatPlatform {
  return {
    name: 'console',
    provisionIncidentSpace: async () => ({ channel: { id: 'C1', name: 'inc-1' } }) as never,
    postMessage: async () => {},
    sendDirectMessage: async (_workspace, _user, message) => void dms.push(message),
    postInteractive: async (_workspace, _channel, message) => void dms.push(message),
  };
}

function pagers() {
  const config = parseConfig(
    [
      'pagers:',
      `  - { id: hook, type: webhook, url: "${receiver.url}/hook", secret: s, allow_insecure: true }`,
      '  - { id: pd, type: pagerduty, routing_key: R0123456789abcdef0123456789abcdef, allow_insecure: true }',
      '  - { id: og, type: opsgenie, api_key: k-0123456789, allow_insecure: true }',
      '',
    ].join('\n'),
    {},
    'incident.config.yml',
  );
  const platforms = new PlatformRegistry();
  platforms.register(chatPlatform());
  const endpoints = { pagerdutyEventsUrl: `${receiver.url}/v2/enqueue`, opsgenieApiUrl: receiver.url };
  return createPagers(config.pagers, endpoints, platforms, createRedactor());
}

function delivery(secretLine: string, action: PagerDelivery['action']): PagerDelivery {
  const incident = {
    ref: { platform: 'console', workspace: 'local', number: 1 },
    number: 1,
    title: `db down: ${secretLine}`,
    severity: 'SEV1',
    status: 'investigating',
    declaredAt: '2026-12-03T10:00:00.000Z',
    channel: { id: 'C1', name: 'inc-1-db-down' },
    originChannel: 'general',
  } as unknown as IncidentState;
  return {
    action,
    incident,
    target: { kind: 'user', id: 'alice', user: 'alice' },
    attempt: 1,
    idempotencyKey: `key-${action}`,
    message: `see ${secretLine}`,
    actor: { id: 'bob', name: `bob ${secretLine}` },
  };
}

describe('what a page sends', () => {
  it('carries no secret of the corpus to the webhook, PagerDuty, Opsgenie or a chat DM', async () => {
    const byId = pagers();
    expect([...byId.keys()].sort()).toEqual(['chat', 'hook', 'og', 'pd']);
    for (const sample of SECRET_SAMPLES) {
      for (const action of ['page', 'acknowledge'] as const) {
        for (const pager of byId.values()) await pager.send(delivery(sample.line, action));
      }
    }
    const sent = [...receiver.requests.map((request) => request.raw), ...dms.map((dm) => dm.text)];
    expect(receiver.requests.length).toBe(SECRET_SAMPLES.length * 2 * 3);
    const leaks = SECRET_SAMPLES.filter((sample) => sent.some((text) => text.includes(sample.secret)));
    expect(leaks.map((sample) => sample.label)).toEqual([]);
    expect(sent.some((text) => text.includes('[REDACTED:'))).toBe(true);
  });

  it('refuses a PagerDuty endpoint on plain http unless the pager allows it', () => {
    const config = parseConfig(
      'pagers:\n  - { id: pd, type: pagerduty, routing_key: R0123456789abcdef0123456789abcdef }\n',
      {},
      'incident.config.yml',
    );
    const endpoints = { pagerdutyEventsUrl: 'http://pd.internal/v2/enqueue', opsgenieApiUrl: 'https://x' };
    expect(() => createPagers(config.pagers, endpoints, new PlatformRegistry(), createRedactor())).toThrow(
      'pager pd: http://pd.internal/v2/enqueue is plain http',
    );
  });
});
