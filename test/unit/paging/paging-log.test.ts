import { describe, expect, it } from 'vitest';
import type { AppServices } from '../../../src/app/app-services.ts';
import type { IncidentEventBody, StoredEvent } from '../../../src/core/model/events.ts';
import { ReactionRegistry } from '../../../src/core/reactions/reaction-registry.ts';
import { registerPagingReactions } from '../../../src/paging/paging-follow-ups.ts';
import { chainState, pendingSteps, type Revisioned } from '../../../src/paging/paging-log.ts';
import { statusUpdateDue } from '../../../src/paging/paging-timers.ts';

const actor = { id: 'U1', name: 'alice' };
const origin = { platform: 'slack', workspace: 'T1', channel: 'C1' };

/** A log from bodies, one minute apart from 10:00 UTC, numbered as revisions. */
function log(...bodies: IncidentEventBody[]): Revisioned[] {
  return bodies.map((body, index) => ({
    revision: index + 1,
    event: {
      ...body,
      id: `${index}-0`,
      at: new Date(Date.UTC(2025, 10, 20, 10, index)).toISOString(),
      actor,
      origin,
    } as StoredEvent,
  }));
}

const declared: IncidentEventBody = { type: 'declared', number: 1, title: 'x', severity: 'SEV1' };
const page = (chain: string, pageId: string): IncidentEventBody => ({
  type: 'paged',
  target: 'ops-hook',
  targetKind: 'pager',
  pageId,
  pager: 'ops-hook',
  chain,
  step: 0,
  round: 0,
});

describe('whether an escalation chain may still fire', () => {
  it('runs until someone acknowledges', () => {
    expect(chainState(log(declared, page('r1', 'a')), 'r1', 'policy')).toBe('live');
    const acked = log(declared, page('r1', 'a'), { type: 'acknowledged', pageIds: ['a'] });
    expect(chainState(acked, 'r1', 'policy')).toBe('acknowledged');
  });

  it('ends a policy chain at a severity change, which starts its own', () => {
    const events = log(declared, page('r1', 'a'), { type: 'severity_changed', from: 'SEV1', to: 'SEV2' });
    expect(chainState(events, 'r1', 'policy')).toBe('superseded');
    expect(chainState(events, 'r3', 'policy')).toBe('live');
  });

  it('keeps a manual page escalating across a severity change', () => {
    const events = log(declared, page('r2', 'm'), { type: 'severity_changed', from: 'SEV1', to: 'SEV2' });
    expect(chainState(events, 'r2', 'manual')).toBe('live');
  });

  it('never fires a chain whose page never reached the log', () => {
    expect(chainState(log(declared, { type: 'note_added', text: 'x', occurredAt: '' }), 'r2', 'manual')).toBe(
      'not_started',
    );
    expect(chainState(log(declared), 'r5', 'manual')).toBe('not_started');
  });

  it('stops for good at a resolve, even after a reopen', () => {
    const events = log(declared, page('r1', 'a'), { type: 'resolved' }, { type: 'reopened' });
    expect(chainState(events, 'r1', 'policy')).toBe('resolved');
  });

  it('lists the steps that may still wait after the last one fired', () => {
    const events = log(declared, {
      type: 'escalated',
      step: 1,
      targets: [],
      reason: '',
      chain: 'r1',
      round: 0,
    });
    expect(pendingSteps(events, 'r1')).toEqual([
      { step: 2, round: 0 },
      { step: 3, round: 0 },
      { step: 1, round: 1 },
      { step: 2, round: 1 },
    ]);
  });
});

describe('when the next status update is due', () => {
  it('is an interval after the latest update or nudge, but not before a snooze ends', () => {
    const interval = 30 * 60_000;
    const base = log(declared, { type: 'status_updated', status: 'identified', message: 'x' });
    expect(statusUpdateDue(base, interval)).toBe(Date.UTC(2025, 10, 20, 10, 31));
    const snoozed = log(declared, {
      type: 'reminder_snoozed',
      reminder: 'status_update',
      until: '2025-11-20T12:00:00.000Z',
    });
    expect(statusUpdateDue(snoozed, interval)).toBe(Date.UTC(2025, 10, 20, 12, 0));
  });
});

describe('the jobs that react to logged events', () => {
  it('are named after the event revision, so reacting twice to an event starts each job once', async () => {
    const ref = { platform: 'slack', workspace: 'T1', number: 4 };
    const jobIds: string[] = [];
    const services = {
      store: { state: async () => undefined },
      jobs: {
        enqueue: async (_name: string, _data: unknown, options?: { jobId?: string }) =>
          void jobIds.push(options?.jobId ?? ''),
      },
    } as unknown as AppServices;
    const registry = new ReactionRegistry();
    registerPagingReactions(registry, services);
    const stamp = (body: IncidentEventBody, id: string) => ({
      ...body,
      id,
      at: '2025-11-20T10:00:00.000Z',
      actor,
      origin,
    });
    const inputs = [
      {
        revision: 6,
        event: stamp({ type: 'message_captured', messageId: 'm', text: 'hi', occurredAt: '' }, '1-0'),
      },
      { revision: 7, event: stamp(page('r7', 'r7.0.0.0'), '2-0') },
      { revision: 8, event: stamp({ type: 'acknowledged', pageIds: ['r7.0.0.0'] }, '3-0') },
      { revision: 9, event: stamp({ type: 'note_added', text: 'x', occurredAt: '' }, '4-0') },
    ];
    for (const input of inputs) {
      for (const reaction of registry.forEvent(input.event.type)) await reaction.reaction({ ref, ...input });
    }
    expect(jobIds).toEqual([
      'page-delivery|slack:T1:INC-4|page-r7.0.0.0',
      'paging-reaction|slack:T1:INC-4|r8',
    ]);
  });
});
