import { describe, expect, it } from 'vitest';
import { SUMMARY_IDS } from '../../../adapters/discord/custom-ids.ts';
import { textLength } from '../../../adapters/discord/fit-embeds.ts';
import { buildSummaryMessage } from '../../../adapters/discord/summary-message.ts';
import type { IncidentState } from '../../../src/core/model/incident-state.ts';
import { createRedactor } from '../../../src/redaction/redact-secrets.ts';

const ALICE = { id: '111111111111111111', name: 'Alice' };

function incident(overrides: Partial<IncidentState> = {}): IncidentState {
  return {
    ref: { platform: 'discord', workspace: '999999999999999999', number: 7 },
    number: 7,
    title: 'Checkout returns 502',
    severity: 'SEV2',
    status: 'investigating',
    declaredAt: '2030-01-01T10:00:00.000Z',
    declaredBy: ALICE,
    originChannel: '222222222222222222',
    roles: {},
    pages: [],
    reopenCount: 0,
    actionItems: [],
    messageCount: 0,
    revision: 1,
    lastEventId: '1-0',
    ...overrides,
  };
}

describe('the pinned summary', () => {
  it('shows the incident with times as Discord timestamps, in every reader’s own time zone', () => {
    const { embeds } = buildSummaryMessage(incident(), createRedactor());
    expect(embeds[0]?.title).toBe('INC-7 · SEV2 · Checkout returns 502');
    expect(embeds[0]?.fields).toContainEqual({
      name: 'Declared',
      value: `<t:${Date.parse('2030-01-01T10:00:00.000Z') / 1000}:f> by <@${ALICE.id}>`,
      inline: true,
    });
  });

  it('offers Acknowledge, Resolve and a severity select while open, and Reopen once resolved', () => {
    const open = JSON.stringify(buildSummaryMessage(incident(), createRedactor()).components);
    expect(open).toContain(SUMMARY_IDS.ack);
    expect(open).toContain(SUMMARY_IDS.resolve);
    expect(open).toContain(SUMMARY_IDS.severity);
    const resolved = JSON.stringify(
      buildSummaryMessage(
        incident({ status: 'resolved', resolvedAt: '2030-01-01T11:00:00.000Z' }),
        createRedactor(),
      ).components,
    );
    expect(resolved).toContain(SUMMARY_IDS.reopen);
    expect(resolved).not.toContain(SUMMARY_IDS.ack);
  });

  it('stays within embed limits with 40 long action items and a long resolution', () => {
    const actionItems = Array.from({ length: 40 }, (_, i) => ({
      itemId: `A${i + 1}`,
      text: `${'fix the thing '.repeat(35)}${i}`,
      priority: 'high' as const,
      owner: ALICE,
      due: '2030-02-01',
      createdAt: '2030-01-01T10:00:00.000Z',
    }));
    const state = incident({
      title: 'T'.repeat(150),
      status: 'resolved',
      resolvedAt: '2030-01-01T11:00:00.000Z',
      resolveSummary: 'S'.repeat(4000),
      actionItems,
    });
    const [embed] = buildSummaryMessage(state, createRedactor()).embeds;
    expect(embed).toBeDefined();
    expect(textLength(embed ?? {})).toBeLessThanOrEqual(6000);
    expect(embed?.fields?.length).toBeLessThanOrEqual(25);
    expect(embed?.title?.length).toBeLessThanOrEqual(256);
    expect(embed?.description?.length).toBeLessThanOrEqual(4096);
  });

  it('redacts secrets people typed into the title', () => {
    const state = incident({ title: 'leaked AKIAIOSFODNN7EXAMPLE in logs' });
    expect(buildSummaryMessage(state, createRedactor()).embeds[0]?.title).not.toContain(
      'AKIAIOSFODNN7EXAMPLE',
    );
  });
});
