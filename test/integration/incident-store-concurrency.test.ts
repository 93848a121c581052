import { afterEach, describe, expect, it } from 'vitest';
import type { IncidentEvent } from '../../src/core/model/events.ts';
import { createTestApp, type TestApp, testConfig } from '../support/test-app.ts';

let app: TestApp;
afterEach(async () => {
  await app?.dispose();
});

const actor = { id: 'alice', name: 'alice' };
const context = (channel: string, name = 'alice') => ({
  platform: 'console',
  workspace: 'local',
  channel,
  actor: { id: name, name },
});

async function declare(channel = 'general') {
  const reply = await app.core.process({
    kind: 'command',
    text: 'start sev2 checkout errors',
    context: context(channel),
  });
  await app.jobs.settle();
  if (!reply?.incident) throw new Error('not declared');
  const state = await app.store.state(reply.incident);
  if (!state?.channel) throw new Error('no channel');
  return state;
}

describe('two writers on one incident', () => {
  it('20 parallel note writers lose nothing', async () => {
    app = createTestApp();
    const incident = await declare();
    const channel = incident.channel?.id as string;
    const replies = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        app.core.process({
          kind: 'command',
          text: `note writer ${index}`,
          context: context(channel, `w${index}`),
        }),
      ),
    );
    expect(replies.every((reply) => reply && !reply.error)).toBe(true);
    const notes = (await app.store.read(incident.ref)).filter((event) => event.type === 'note_added');
    expect(notes.map((note) => (note as IncidentEvent & { text: string }).text).sort()).toEqual(
      Array.from({ length: 20 }, (_, index) => `writer ${index}`).sort(),
    );
  });

  it('two processes (separate stores) racing to resolve record exactly one resolve', async () => {
    app = createTestApp();
    const other = createTestApp({ prefix: app.prefix, startWorkers: false });
    try {
      const incident = await declare();
      const channel = incident.channel?.id as string;
      const [first, second] = await Promise.all([
        app.core.process({ kind: 'command', text: 'resolve', context: context(channel) }),
        other.core.process({ kind: 'command', text: 'resolve', context: context(channel, 'bob') }),
      ]);
      const refused = [first, second].filter((reply) => reply?.error);
      expect(refused).toHaveLength(1);
      expect(refused[0]?.error?.identifier).toBe('already_resolved');
      const resolves = (await app.store.read(incident.ref)).filter((event) => event.type === 'resolved');
      expect(resolves).toHaveLength(1);
    } finally {
      await other.dispose();
    }
  });

  it('keeps events in the order they were appended, across writers', async () => {
    app = createTestApp();
    const incident = await declare();
    const ids = (await app.store.read(incident.ref)).map((event) => event.id);
    expect([...ids].sort(compareStreamIds)).toEqual(ids);
  });
});

describe('numbering', () => {
  it('20 parallel declarations get 20 distinct sequential numbers', async () => {
    // One person declaring 20 at once: the declare rate limit is not what this is about.
    app = createTestApp({
      startWorkers: false,
      config: testConfig({ rate_limits: { declare_per_user: 0 } }),
    });
    const replies = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        app.core.process({
          kind: 'command',
          text: `start sev3 incident ${index}`,
          context: context('general'),
        }),
      ),
    );
    const numbers = replies.map((reply) => reply?.incident?.number).sort((a, b) => (a ?? 0) - (b ?? 0));
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, index) => index + 1));
  });

  it('numbers each workspace on its own', async () => {
    app = createTestApp({ startWorkers: false });
    const inA = await app.core.process({
      kind: 'command',
      text: 'start a',
      context: { ...context('general'), workspace: 'A' },
    });
    const inB = await app.core.process({
      kind: 'command',
      text: 'start b',
      context: { ...context('general'), workspace: 'B' },
    });
    expect(inA?.incident?.number).toBe(1);
    expect(inB?.incident?.number).toBe(1);
  });
});

describe('captured messages', () => {
  it('a message delivered twice (retry or backfill) is recorded once', async () => {
    app = createTestApp();
    const incident = await declare();
    const message = {
      kind: 'message' as const,
      messageId: '1700000000.000100',
      text: 'db is down',
      occurredAt: new Date('2025-11-20T10:00:00Z'),
      context: context(incident.channel?.id as string),
    };
    await app.core.process(message);
    await app.core.process(message);
    const state = await app.store.state(incident.ref);
    expect(state?.messageCount).toBe(1);
  });

  it('a platform delivery seen twice is processed once', async () => {
    app = createTestApp({ startWorkers: false });
    const event = {
      kind: 'command' as const,
      text: 'start sev1 duplicate delivery',
      context: { ...context('general'), eventId: 'Ev123' },
    };
    expect(await app.core.process(event)).toBeDefined();
    expect(await app.core.process(event)).toBeUndefined();
    expect(await app.store.openIncidents({ platform: 'console', workspace: 'local' })).toHaveLength(1);
  });

  it('messages outside incident channels are not kept', async () => {
    app = createTestApp({ startWorkers: false });
    await app.core.process({
      kind: 'message',
      messageId: '1',
      text: 'lunch?',
      occurredAt: new Date(),
      context: context('random'),
    });
    expect(await app.store.workspaces()).toEqual([]);
  });
});

function compareStreamIds(a: string, b: string): number {
  const [aMs = 0, aSeq = 0] = a.split('-').map(Number);
  const [bMs = 0, bSeq = 0] = b.split('-').map(Number);
  return aMs - bMs || aSeq - bSeq;
}

void actor;
