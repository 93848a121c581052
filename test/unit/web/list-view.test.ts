import { describe, expect, it } from 'vitest';
import type { IncidentState } from '../../../src/core/model/incident-state.ts';
import type { Severity } from '../../../src/core/model/severity.ts';
import { LIST_PAGE_SIZE, listView, readFilters } from '../../../src/web/pages/list-page.ts';

const NOW = new Date('2026-12-04T12:00:00Z');

function incident(number: number, over: Partial<IncidentState> = {}): IncidentState {
  return {
    ref: { platform: 'slack', workspace: 'T1', number },
    number,
    title: `incident ${number}`,
    severity: 'SEV3' as Severity,
    status: 'investigating',
    declaredAt: new Date(Date.parse('2026-11-01T00:00:00Z') + number * 3_600_000).toISOString(),
    declaredBy: { id: 'U1', name: 'alice' },
    originChannel: 'C1',
    roles: {},
    pages: [],
    reopenCount: 0,
    actionItems: [],
    messageCount: 0,
    revision: 1,
    lastEventId: '1-0',
    ...over,
  };
}

const filters = (query: Record<string, string>) => readFilters((name) => query[name]);

describe('the incident list', () => {
  it('puts the newest first and pages by fifty', () => {
    const all = Array.from({ length: 120 }, (_, i) => incident(i + 1));
    const first = listView(all, filters({}), NOW, 'UTC');
    expect(first.rows).toHaveLength(LIST_PAGE_SIZE);
    expect(first.rows[0]?.label).toBe('INC-120');
    expect(first.pages).toBe(3);
    const last = listView(all, filters({ page: '3' }), NOW, 'UTC');
    expect(last.rows.map((row) => row.number)).toEqual(Array.from({ length: 20 }, (_, i) => 20 - i));
  });

  it('filters by status, severity, day and text together', () => {
    const all = [
      incident(1, { status: 'resolved', resolvedAt: '2026-11-01T03:00:00Z', severity: 'SEV1' }),
      incident(2, { severity: 'SEV1', title: 'Checkout errors' }),
      incident(3, { severity: 'SEV2', title: 'checkout slow' }),
      incident(30, { severity: 'SEV1', title: 'checkout down' }),
    ];
    const view = listView(
      all,
      filters({ status: 'open', severity: 'sev1', q: 'CHECKOUT', to: '2026-11-01' }),
      NOW,
      'UTC',
    );
    expect(view.rows.map((row) => row.label)).toEqual(['INC-2']);
    expect(view.filterQuery).toBe('status=open&severity=SEV1&to=2026-11-01&q=CHECKOUT');
  });

  it('reads a filter it does not know as "any", never as an error', () => {
    expect(filters({ status: 'closed', severity: 'sev9', from: 'yesterday', page: '-3' })).toMatchObject({
      status: '',
      severity: '',
      from: '',
      page: 1,
    });
  });

  it('shows duration to resolution, or until now while open, and the open action items', () => {
    const resolved = incident(1, { status: 'resolved', resolvedAt: '2026-11-01T02:30:00Z' });
    const open = incident(2, {
      actionItems: [
        { itemId: 'A1', text: 'a', priority: 'high', createdAt: NOW.toISOString() },
        {
          itemId: 'A2',
          text: 'b',
          priority: 'low',
          createdAt: NOW.toISOString(),
          done: { at: NOW.toISOString(), by: { id: 'U1', name: 'alice' } },
        },
      ],
    });
    const [openRow, resolvedRow] = listView([resolved, open], filters({}), NOW, 'UTC').rows;
    expect(resolvedRow?.duration).toBe('1h 30m');
    expect(openRow?.duration).toBe('33d 10h');
    expect(openRow?.openActions).toBe(1);
  });
});
