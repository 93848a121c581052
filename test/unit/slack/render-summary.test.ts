import { describe, expect, it } from 'vitest';
import { renderSummary } from '../../../adapters/slack/render-summary.ts';
import type { IncidentState } from '../../../src/core/model/incident-state.ts';
import { validateBlocks } from '../../fakes/slack/index.ts';

const incident: IncidentState = {
  ref: { platform: 'slack', workspace: 'T1', number: 7 },
  number: 7,
  title: 'checkout errors',
  severity: 'SEV2',
  status: 'investigating',
  declaredAt: '2025-11-20T10:00:00.000Z',
  declaredBy: { id: 'U0ALICE', name: 'alice' },
  originChannel: 'C0GENERAL',
  roles: {},
  pages: [],
  reopenCount: 0,
  actionItems: [],
  messageCount: 0,
  revision: 1,
  lastEventId: '1-0',
};
const keep = (text: string) => text;

function labels(blocks: unknown[]): string[] {
  return (blocks as { type: string; elements?: { text: { text: string } }[] }[])
    .filter((block) => block.type === 'actions')
    .flatMap((block) => (block.elements ?? []).map((element) => element.text.text));
}

describe('the incident summary', () => {
  it('shows severity, status, commander and elapsed time, with the three buttons', () => {
    const summary = renderSummary(incident, keep);
    expect(validateBlocks(summary.blocks)).toEqual([]);
    const text = JSON.stringify(summary.blocks);
    expect(text).toContain('SEV2');
    expect(text).toContain('investigating');
    expect(text).toContain('<@U0ALICE>');
    expect(text).toContain(`<!date^${Date.parse(incident.declaredAt) / 1000}^{ago}`);
    expect(labels(summary.blocks)).toEqual(['Acknowledge', 'Change severity', 'Resolve']);
  });

  it('shows the commander once one is assigned', () => {
    const summary = renderSummary({ ...incident, roles: { commander: { id: 'U0BOB', name: 'bob' } } }, keep);
    expect(JSON.stringify(summary.blocks)).toContain('<@U0BOB>');
  });

  it('has no buttons and says how long it lasted once resolved', () => {
    const summary = renderSummary(
      { ...incident, status: 'resolved', resolvedAt: '2025-11-20T11:12:00.000Z' },
      keep,
    );
    expect(labels(summary.blocks)).toEqual([]);
    expect(JSON.stringify(summary.blocks)).toContain('1h 12m');
  });

  it('keeps the header within 150 characters and free of mass mentions', () => {
    const summary = renderSummary({ ...incident, title: `<!channel> ${'x'.repeat(150)}` }, keep);
    expect(validateBlocks(summary.blocks)).toEqual([]);
    expect(JSON.stringify(summary)).not.toContain('<!channel>');
  });
});
