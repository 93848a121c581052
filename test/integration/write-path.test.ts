import type { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import type { IncidentRef } from '../../src/core/model/incident-ref.ts';
import { RedisEventFeed } from '../../src/storage/redis/redis-event-feed.ts';
import { sentCommands as roundTrips } from '../support/sent-commands.ts';
import { createTestApp, type TestApp, uniquePrefix } from '../support/test-app.ts';

const apps: TestApp[] = [];
afterEach(async () => {
  for (const app of apps.splice(0)) await app.dispose();
});

function start(options: Parameters<typeof createTestApp>[0] = {}): TestApp {
  const app = createTestApp(options);
  apps.push(app);
  return app;
}

const context = (channel: string, eventId?: string) => ({
  platform: 'console',
  workspace: 'local',
  channel,
  actor: { id: 'alice', name: 'alice' },
  ...(eventId === undefined ? {} : { eventId }),
});

describe('the one write path against Redis', () => {
  it('a declaration logged just before a crash still gets its channel after the restart', async () => {
    const prefix = uniquePrefix('crash');
    // No workers, no reactor: the process "dies" right after the append.
    const crashed = start({ prefix, startWorkers: false });
    const reply = await crashed.core.process({
      kind: 'command',
      text: 'start sev3 checkout errors',
      context: context('general'),
    });
    const ref = reply?.incident as IncidentRef;
    expect((await crashed.store.state(ref))?.channel).toBeUndefined();
    await crashed.dispose();
    apps.splice(apps.indexOf(crashed), 1);

    const restarted = start({ prefix });
    await restarted.jobs.settle();
    const state = await restarted.store.state(ref);
    expect(state?.channel?.name).toBe('inc-1-checkout-errors');
    const linked = (await restarted.store.read(ref)).filter((event) => event.type === 'channel_linked');
    expect(linked).toHaveLength(1);
  });

  it('an entry a reactor took and never acknowledged (it crashed) is taken over and reacted to once', async () => {
    const prefix = uniquePrefix('claim');
    const writer = start({ prefix, startWorkers: false });
    const reply = await writer.core.process({
      kind: 'command',
      text: 'start sev3 search is slow',
      context: context('general'),
    });
    const ref = reply?.incident as IncidentRef;
    // A reactor reads the entry and dies before acknowledging it.
    const feed = new RedisEventFeed(writer.redis, writer.store.keys);
    await feed.open();
    expect(await feed.read('crashed-reactor', 10, 0)).toHaveLength(1);
    await feed.close();
    const survivor = start({ prefix, reactionClaimIdleMs: 200 });
    await expect
      .poll(async () => (await survivor.store.state(ref))?.channel?.name, { timeout: 10_000 })
      .toBe('inc-1-search-is-slow');
    await survivor.jobs.settle();
    const linked = (await survivor.store.read(ref)).filter((event) => event.type === 'channel_linked');
    expect(linked).toHaveLength(1);
  });

  it('a delivery seen twice is recorded once, its repeat answered with nothing', async () => {
    const app = start();
    const declared = await app.core.process({
      kind: 'command',
      text: 'start sev3 db slow',
      context: context('general'),
    });
    await app.jobs.settle();
    const state = await app.store.state(declared?.incident as IncidentRef);
    const channel = state?.channel?.id as string;
    const first = await app.core.process({
      kind: 'command',
      text: 'note restarted the primary',
      context: context(channel, 'Ev1'),
    });
    const again = await app.core.process({
      kind: 'command',
      text: 'note restarted the primary',
      context: context(channel, 'Ev1'),
    });
    expect(first?.text).toBe('Noted: restarted the primary');
    expect(again).toBeUndefined();
    const notes = (await app.store.read(state?.ref as IncidentRef)).filter(
      (event) => event.type === 'note_added',
    );
    expect(notes).toHaveLength(1);
  });

  it("a note costs one round trip on its way to the reply (decided on the process's fold), a captured message one", async () => {
    const app = start({ startWorkers: false });
    const declared = await app.core.process({
      kind: 'command',
      text: 'start sev3 db slow',
      context: context('general'),
    });
    const ref = declared?.incident as IncidentRef;
    await app.store.linkChannel(ref, 'C-INC');
    // Warm the channel cache and the fold, as a running bot has them.
    await app.core.process({ kind: 'command', text: 'note warm up', context: context('C-INC', 'Ev0') });
    await app.core.process({
      kind: 'message',
      messageId: 'm0',
      text: 'warm up',
      occurredAt: new Date(),
      context: context('C-INC', 'Ev1'),
    });
    const note = await roundTrips(app.redis as Redis, () =>
      app.core.process({ kind: 'command', text: 'note the hot path', context: context('C-INC', 'Ev2') }),
    );
    expect(note).toEqual(['evalsha']);
    const message = await roundTrips(app.redis as Redis, () =>
      app.core.process({
        kind: 'message',
        messageId: 'm1',
        text: 'hello team',
        occurredAt: new Date(),
        context: context('C-INC', 'Ev3'),
      }),
    );
    expect(message).toEqual(['evalsha']);
  });

  /** Two bot processes on one Redis prefix, and an incident with its channel linked. */
  async function twoBots(label: string) {
    const prefix = uniquePrefix(label);
    const first = start({ prefix, startWorkers: false });
    const second = start({ prefix, startWorkers: false });
    const declared = await first.core.process({
      kind: 'command',
      text: 'start sev3 db slow',
      context: context('general'),
    });
    const ref = declared?.incident as IncidentRef;
    await first.store.linkChannel(ref, 'C-INC');
    const note = (app: TestApp, text: string) =>
      app.core.process({ kind: 'command', text: `note ${text}`, context: context('C-INC') });
    return { first, second, ref, note };
  }

  it('a note decided on a fold another process has since passed by is decided again, and both notes are kept in order', async () => {
    const { first, second, ref, note } = await twoBots('two');
    await note(first, 'from the first bot');
    await note(second, 'from the second bot');
    const again = await note(first, 'first bot again');
    expect(again?.text).toContain('Noted: first bot again');
    const notes = (await first.store.read(ref)).filter((event) => event.type === 'note_added');
    expect(notes.map((event) => event.text)).toEqual([
      'from the first bot',
      'from the second bot',
      'first bot again',
    ]);
    expect((await first.store.state(ref))?.revision).toBe((await second.store.state(ref))?.revision);
  });

  it('a message another process captured is in the state the next command decides on', async () => {
    const { first, second, ref, note } = await twoBots('chat');
    await note(first, 'warm up');
    await second.core.process({
      kind: 'message',
      messageId: 'm-elsewhere',
      text: 'seen by the second bot only',
      occurredAt: new Date(),
      context: context('C-INC'),
    });
    await note(first, 'after the message');
    expect(first.store.cachedState(ref)?.messageCount).toBe(1);
  });
});
