import { describe, expect, it } from 'vitest';
import type { IncidentEventBody, StoredEvent } from '../../../src/core/model/events.ts';
import { commanderOf, foldIncident, outstandingPages } from '../../../src/core/model/incident-state.ts';

const ref = { platform: 'console', workspace: 'local', number: 7 };
const alice = { id: 'alice', name: 'alice' };
const bob = { id: 'bob', name: 'bob' };
let sequence = 0;
function event(body: IncidentEventBody, at = '2025-11-20T10:00:00.000Z', actor = alice): StoredEvent {
  sequence += 1;
  return {
    ...body,
    at,
    actor,
    origin: { platform: 'console', workspace: 'local', channel: 'c' },
    id: `1-${sequence}`,
  };
}
const declared = event({ type: 'declared', number: 7, title: 'checkout errors', severity: 'SEV2' });

describe('the state of an incident is the fold of its log', () => {
  it('starts investigating with the declarer as commander', () => {
    const state = foldIncident(ref, [declared]);
    expect(state).toMatchObject({ status: 'investigating', severity: 'SEV2', title: 'checkout errors' });
    expect(state && commanderOf(state)).toEqual(alice);
  });

  it('hands command to whoever is assigned commander', () => {
    const state = foldIncident(ref, [
      declared,
      event({ type: 'role_assigned', role: 'commander', user: bob }),
    ]);
    expect(state && commanderOf(state)).toEqual(bob);
  });

  it('follows severity changes and status updates', () => {
    const state = foldIncident(ref, [
      declared,
      event({ type: 'severity_changed', from: 'SEV2', to: 'SEV1' }),
      event({ type: 'status_updated', status: 'identified', message: 'flag' }),
    ]);
    expect(state).toMatchObject({ severity: 'SEV1', status: 'identified' });
  });

  it('records mitigation at the first monitoring status only', () => {
    const state = foldIncident(ref, [
      declared,
      event({ type: 'status_updated', status: 'monitoring', message: 'a' }, '2025-11-20T10:10:00.000Z'),
      event({ type: 'status_updated', status: 'identified', message: 'b' }, '2025-11-20T10:20:00.000Z'),
      event({ type: 'status_updated', status: 'monitoring', message: 'c' }, '2025-11-20T10:30:00.000Z'),
    ]);
    expect(state?.mitigatedAt).toBe('2025-11-20T10:10:00.000Z');
  });

  it('tracks pages until they are acknowledged, keeping the first ack time', () => {
    const paged = event(
      { type: 'paged', target: 'sam', targetKind: 'user', pageId: 'p1' },
      '2025-11-20T10:01:00.000Z',
    );
    const open = foldIncident(ref, [declared, paged]);
    expect(open && outstandingPages(open)).toHaveLength(1);
    const acked = foldIncident(ref, [
      declared,
      paged,
      event({ type: 'acknowledged', pageIds: ['p1'] }, '2025-11-20T10:03:00.000Z', bob),
    ]);
    expect(acked && outstandingPages(acked)).toHaveLength(0);
    expect(acked?.firstAcknowledgedAt).toBe('2025-11-20T10:03:00.000Z');
  });

  it('resolves, reopens and resolves again', () => {
    const state = foldIncident(ref, [
      declared,
      event({ type: 'resolved', summary: 'first' }, '2025-11-20T11:00:00.000Z'),
      event({ type: 'reopened' }, '2025-11-20T11:30:00.000Z'),
      event({ type: 'resolved', summary: 'second' }, '2025-11-20T12:00:00.000Z'),
    ]);
    expect(state).toMatchObject({
      status: 'resolved',
      reopenCount: 1,
      resolvedAt: '2025-11-20T12:00:00.000Z',
    });
    expect(state?.resolveSummary).toBe('second');
  });

  it('counts captured messages without touching the command revision', () => {
    const state = foldIncident(ref, [
      declared,
      event({
        type: 'message_captured',
        messageId: 'm1',
        text: 'hi',
        occurredAt: '2025-11-20T10:00:00.000Z',
      }),
      event({ type: 'note_added', text: 'n', occurredAt: '2025-11-20T09:00:00.000Z' }),
    ]);
    expect(state).toMatchObject({ messageCount: 1, revision: 2 });
  });

  it('folds incrementally to the same state as from scratch', () => {
    const events = [
      declared,
      event({ type: 'severity_changed', from: 'SEV2', to: 'SEV1' }),
      event({ type: 'action_item_added', itemId: 'A1', text: 'alert', priority: 'high' }),
    ];
    const whole = foldIncident(ref, events);
    const stepwise = foldIncident(ref, events.slice(2), foldIncident(ref, events.slice(0, 2)));
    expect(stepwise).toEqual(whole);
  });

  it('refuses a log that does not begin with a declaration', () => {
    expect(() => foldIncident(ref, [event({ type: 'reopened' })])).toThrow(
      /does not begin with a declaration/,
    );
  });
});
