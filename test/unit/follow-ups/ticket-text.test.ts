import { describe, expect, it } from 'vitest';
import { configSchema } from '../../../src/config/config-schema.ts';
import type { IncidentState } from '../../../src/core/model/incident-state.ts';
import { ticketAdf, ticketMarkdown, ticketRequest } from '../../../src/follow-ups/ticket-text.ts';
import { createRedactor } from '../../../src/redaction/redact-secrets.ts';
import { documentedSchema } from '../../fakes/pagers/documented-schema.ts';

const state = {
  ref: { platform: 'slack', workspace: 'T012', number: 7 },
  number: 7,
  title: 'checkout [errors]',
  severity: 'SEV2',
  channel: { id: 'C1', name: 'inc-7', url: 'https://acme.slack.com/archives/C1' },
  actionItems: [],
} as unknown as IncidentState;
const item = {
  itemId: 'A1',
  text: 'rotate the key AKIAIOSFODNN7EXAMPLE',
  priority: 'high' as const,
  createdAt: '2026-12-04T10:00:00Z',
  owner: { id: 'U9', name: 'sam' },
  due: '2026-12-10',
};
const users =
  configSchema.parse({ follow_ups: { users: { U9: { github: 'sam-gh', jira: 'acc-1' } } } }).follow_ups
    ?.users ?? {};
const input = (webBaseUrl?: string) => ({ redactor: createRedactor(), webBaseUrl, users });

describe('the ticket of an action item', () => {
  it('links to the web view under WEB_BASE_URL, else to the chat channel', () => {
    expect(ticketRequest(state, item, 'github', input('https://tocsin.acme.example')).link).toBe(
      'https://tocsin.acme.example/web/incidents/7',
    );
    expect(ticketRequest(state, item, 'github', input()).link).toBe('https://acme.slack.com/archives/C1');
  });

  it('assigns the owner through follow_ups.users, per system', () => {
    expect(ticketRequest(state, item, 'github', input()).assignee).toBe('sam-gh');
    expect(ticketRequest(state, item, 'jira', input()).assignee).toBe('acc-1');
    expect(
      ticketRequest(state, { ...item, owner: { id: 'U5', name: 'kim' } }, 'jira', input()).assignee,
    ).toBeUndefined();
  });

  it('redacts secrets from the title and the body', () => {
    const request = ticketRequest(state, item, 'github', input());
    expect(request.title).not.toContain('AKIAIOSFODNN7EXAMPLE');
    expect(ticketMarkdown(request)).not.toContain('AKIAIOSFODNN7EXAMPLE');
  });

  it('writes a Markdown body that keeps the title from breaking the link', () => {
    const body = ticketMarkdown(ticketRequest(state, item, 'github', input()));
    expect(body).toContain(
      'From incident [INC-7 (SEV2): checkout \\[errors\\]](https://acme.slack.com/archives/C1).',
    );
    expect(body).toContain('- Owner: sam (sam-gh)\n- Due: 2026-12-10\n- Priority: high');
  });

  it('writes the Jira description as a valid ADF document', () => {
    const adf = ticketAdf(ticketRequest(state, item, 'jira', input()));
    const problems = documentedSchema('jira-create-issue.schema.json', 'doc')(adf);
    expect(problems).toEqual([]);
    expect(JSON.stringify(adf)).toContain(
      '"marks":[{"type":"link","attrs":{"href":"https://acme.slack.com/archives/C1"}}]',
    );
  });
});
