import { describe, expect, it } from 'vitest';
import { responseTimes } from '../../../src/observability/response-times.ts';
import { acked, appended, incident, paged } from './incident-fixtures.ts';

describe('response times measured as events are appended', () => {
  const declared = '2025-11-20T10:00:00.000Z';

  it('the first acknowledgement gives the time to acknowledge, in seconds, by severity', () => {
    const before = incident(declared, 'SEV1', [paged('2025-11-20T10:01:00.000Z')]);
    const times = responseTimes(before, [
      appended('2025-11-20T10:05:00.000Z', { type: 'acknowledged', pageIds: ['p1'] }),
    ]);
    expect(times).toEqual([{ kind: 'acknowledge', severity: 'SEV1', seconds: 300 }]);
  });

  it('a later acknowledgement of another page is not measured again', () => {
    const before = incident(declared, 'SEV2', [
      paged('2025-11-20T10:01:00.000Z'),
      acked('2025-11-20T10:02:00.000Z'),
    ]);
    expect(
      responseTimes(before, [
        appended('2025-11-20T10:09:00.000Z', { type: 'acknowledged', pageIds: ['p2'] }),
      ]),
    ).toEqual([]);
  });

  it('a resolution gives the time to resolve, under the severity changed in the same batch', () => {
    const before = incident(declared, 'SEV3');
    const times = responseTimes(before, [
      appended('2025-11-20T10:30:00.000Z', { type: 'severity_changed', from: 'SEV3', to: 'SEV2' }),
      appended('2025-11-20T11:00:00.000Z', { type: 'resolved' }),
    ]);
    expect(times).toEqual([{ kind: 'resolve', severity: 'SEV2', seconds: 3600 }]);
  });

  it('notes and chatter measure nothing', () => {
    const before = incident(declared, 'SEV3');
    expect(
      responseTimes(before, [
        appended('2025-11-20T10:10:00.000Z', { type: 'note_added', text: 'x', occurredAt: declared }),
      ]),
    ).toEqual([]);
  });

  it('a reopened incident resolved again is measured again from its declaration', () => {
    const before = incident(declared, 'SEV4');
    const times = responseTimes(before, [
      appended('2025-11-20T10:10:00.000Z', { type: 'resolved' }),
      appended('2025-11-20T10:20:00.000Z', { type: 'reopened' }),
      appended('2025-11-20T10:40:00.000Z', { type: 'resolved' }),
    ]);
    expect(times.map((time) => time.seconds)).toEqual([600, 2400]);
  });
});
