import type { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { AdapterRuntime } from '../../../adapters/runtime/adapter-runtime.ts';
import type { InboundContext } from '../../../src/core/inbound-event.ts';
import type { IncidentRef } from '../../../src/core/model/incident-ref.ts';
import { sentCommands } from '../../support/sent-commands.ts';
import { createTestApp, type TestApp } from '../../support/test-app.ts';

let app: TestApp | undefined;
afterEach(async () => {
  await app?.dispose();
  app = undefined;
});

const context: InboundContext = {
  platform: 'console',
  workspace: 'local',
  channel: 'general',
  actor: { id: 'alice', name: 'alice' },
};

function runtimeOf(testApp: TestApp, warnings: string[]): AdapterRuntime {
  return new AdapterRuntime({ core: testApp.core, warn: (message) => void warnings.push(message) });
}

describe('the adapter runtime between a platform and the core', () => {
  it('hands a command to the core and returns its reply', async () => {
    app = createTestApp();
    const reply = await runtimeOf(app, []).command({ kind: 'command', text: 'start sev2 db down', context });
    expect(reply?.text).toMatch(/^INC-1 declared: SEV2 db down/);
  });

  it('answers a command the core refused while stopping with the shared "nothing was recorded" wording', async () => {
    app = createTestApp();
    app.core.inFlight.close();
    const reply = await runtimeOf(app, []).command({ kind: 'command', text: 'start sev2 db down', context });
    expect(reply).toMatchObject({ visibility: 'ephemeral' });
    expect(reply?.text).toMatch(/^tocsin is restarting and did not take that\. Nothing was recorded/);
  });

  it('logs what the core could not process, naming the kind of event', async () => {
    app = createTestApp();
    app.core.inFlight.close();
    const warnings: string[] = [];
    await runtimeOf(app, warnings).answer({
      kind: 'message-deleted',
      messageId: 'm1',
      context,
    });
    expect(warnings).toEqual(['the core could not process a message-deleted']);
  });

  describe('a burst of commands in one incident channel', () => {
    async function incidentChannel(testApp: TestApp): Promise<{ runtime: AdapterRuntime; ref: IncidentRef }> {
      const runtime = runtimeOf(testApp, []);
      const declared = await runtime.command({ kind: 'command', text: 'start sev2 db down', context });
      const ref = declared?.incident as IncidentRef;
      await testApp.store.linkChannel(ref, 'C-INC');
      return { runtime, ref };
    }
    const typed = (runtime: AdapterRuntime, text: string, user: string, eventId?: string) =>
      runtime.command({
        kind: 'command',
        text,
        context: {
          ...context,
          channel: 'C-INC',
          actor: { id: user, name: user },
          ...(eventId === undefined ? {} : { eventId }),
        },
      });

    it('records fifty notes typed at once in the order they arrived, each answered, in far fewer round trips', async () => {
      app = createTestApp({ startWorkers: false });
      const { runtime, ref } = await incidentChannel(app);
      await typed(runtime, 'note warm up', 'u0');
      let replies: Awaited<ReturnType<AdapterRuntime['command']>>[] = [];
      const sent = await sentCommands(app.redis as Redis, async () => {
        replies = await Promise.all(
          Array.from({ length: 50 }, (_, n) => typed(runtime, `note update ${n}`, `u${n % 7}`)),
        );
      });
      expect(replies.map((reply) => reply?.text)).toEqual(
        Array.from({ length: 50 }, (_, n) => `Noted: update ${n}`),
      );
      const notes = (await app.store.read(ref)).filter((event) => event.type === 'note_added');
      expect(notes.map((note) => note.text)).toEqual([
        'warm up',
        ...Array.from({ length: 50 }, (_, n) => `update ${n}`),
      ]);
      expect(notes.slice(1).map((note) => note.actor.id)).toEqual(
        Array.from({ length: 50 }, (_, n) => `u${n % 7}`),
      );
      expect(sent.filter((name) => name === 'evalsha').length).toBeLessThanOrEqual(5);
    });

    it('answers a query typed right after two notes with both notes in it', async () => {
      app = createTestApp({ startWorkers: false });
      const { runtime } = await incidentChannel(app);
      const [, , timeline] = await Promise.all([
        typed(runtime, 'note paged the db team', 'carol'),
        typed(runtime, 'note rolled back deploy 4411', 'alice'),
        typed(runtime, 'timeline', 'bob'),
      ]);
      expect(JSON.stringify(timeline)).toContain('paged the db team');
      expect(JSON.stringify(timeline)).toContain('rolled back deploy 4411');
    });

    it('refuses a command the note before it made invalid, and still records the note', async () => {
      app = createTestApp({ startWorkers: false });
      const { runtime, ref } = await incidentChannel(app);
      const [resolved, again] = await Promise.all([
        typed(runtime, 'resolve fixed the pool', 'alice'),
        typed(runtime, 'resolve fixed it twice', 'bob'),
      ]);
      expect(resolved?.text).toMatch(/resolved/i);
      expect(again?.error).toBeDefined();
      const events = (await app.store.read(ref)).filter((event) => event.type === 'resolved');
      expect(events).toHaveLength(1);
    });

    it('records the rest of a burst once, when one delivery in it was seen before', async () => {
      app = createTestApp({ startWorkers: false });
      const { runtime, ref } = await incidentChannel(app);
      await typed(runtime, 'note first try', 'alice', 'Ev-1');
      await Promise.all([
        typed(runtime, 'note slow start', 'carol', 'Ev-0'),
        typed(runtime, 'note first try', 'alice', 'Ev-1'),
        typed(runtime, 'note second', 'bob', 'Ev-2'),
        typed(runtime, 'note third', 'dave', 'Ev-3'),
      ]);
      const notes = (await app.store.read(ref)).filter((event) => event.type === 'note_added');
      expect(notes.map((note) => note.text)).toEqual(['first try', 'slow start', 'second', 'third']);
    });
  });
});
