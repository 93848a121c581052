import { describe, expect, it } from 'vitest';
import { responseStats } from '../../../src/core/stats/response-stats.ts';
import { acked, incident, paged, resolved } from './incident-fixtures.ts';

const since = new Date('2025-11-01T00:00:00.000Z');
const until = new Date('2025-12-01T00:00:00.000Z');

describe('incident stats over a window', () => {
  it('averages time to acknowledge and to resolve per severity', () => {
    const states = [
      incident(
        '2025-11-10T10:00:00.000Z',
        'SEV1',
        [
          paged('2025-11-10T10:00:00.000Z'),
          acked('2025-11-10T10:04:00.000Z'),
          resolved('2025-11-10T11:00:00.000Z'),
        ],
        1,
      ),
      incident(
        '2025-11-11T10:00:00.000Z',
        'SEV1',
        [
          paged('2025-11-11T10:00:00.000Z'),
          acked('2025-11-11T10:08:00.000Z'),
          resolved('2025-11-11T13:00:00.000Z'),
        ],
        2,
      ),
    ];
    expect(responseStats(states, since, until)).toEqual([
      { severity: 'SEV1', count: 2, acknowledged: 2, mttaMs: 6 * 60_000, resolved: 2, mttrMs: 2 * 3_600_000 },
    ]);
  });

  it('leaves incidents never acknowledged or still open out of the means, but counts them', () => {
    const states = [
      incident('2025-11-10T10:00:00.000Z', 'SEV3', [resolved('2025-11-10T10:30:00.000Z')], 1),
      incident('2025-11-12T10:00:00.000Z', 'SEV3', [], 2),
    ];
    expect(responseStats(states, since, until)).toEqual([
      { severity: 'SEV3', count: 2, acknowledged: 0, resolved: 1, mttrMs: 30 * 60_000 },
    ]);
  });

  it('ignores incidents declared outside the window and lists severities most severe first', () => {
    const states = [
      incident('2025-10-10T10:00:00.000Z', 'SEV1', [], 1),
      incident('2025-11-20T10:00:00.000Z', 'SEV4', [], 2),
      incident('2025-11-21T10:00:00.000Z', 'SEV2', [], 3),
    ];
    expect(responseStats(states, since, until).map((row) => [row.severity, row.count])).toEqual([
      ['SEV2', 1],
      ['SEV4', 1],
    ]);
  });
});
