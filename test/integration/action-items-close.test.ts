import { afterEach, describe, expect, it } from 'vitest';
import type { IncidentRef } from '../../src/core/model/incident-ref.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';

let app: TestApp | undefined;
afterEach(async () => {
  await app?.dispose();
  app = undefined;
});

const context = (channel: string) => ({
  platform: 'console',
  workspace: 'local',
  channel,
  actor: { id: 'alice', name: 'alice' },
});

async function withTwoActions(): Promise<{ say: (text: string) => Promise<string>; ref: IncidentRef }> {
  app = createTestApp();
  const running = app;
  const declared = await running.core.process({
    kind: 'command',
    text: 'start sev2 checkout errors',
    context: context('general'),
  });
  const ref = declared?.incident as IncidentRef;
  await running.jobs.settle();
  const channel = (await running.store.state(ref))?.channel?.id as string;
  const say = async (text: string) => {
    const reply = await running.core.process({ kind: 'command', text, context: context(channel) });
    await running.jobs.settle();
    return [reply?.text, ...(reply?.error?.usage ? [reply.error.usage] : [])].join('\n');
  };
  await say('action add alert on 502 rate priority high');
  await say('action write the runbook for failover');
  return { say, ref };
}

describe('closing action items', () => {
  it('marks an item done, in the reply and in the state', async () => {
    const { say, ref } = await withTwoActions();
    expect(await say('action done 1')).toBe('Action item A1 done: add alert on 502 rate');
    const state = await app?.store.state(ref);
    expect(state?.actionItems.map((item) => [item.itemId, item.done?.by.name ?? 'open'])).toEqual([
      ['A1', 'alice'],
      ['A2', 'open'],
    ]);
  });

  it('opens a done item again with reopen', async () => {
    const { say, ref } = await withTwoActions();
    await say('action done A2');
    expect(await say('action reopen 2')).toBe('Action item A2 open again: write the runbook for failover');
    expect((await app?.store.state(ref))?.actionItems.every((item) => !item.done)).toBe(true);
  });

  it('refuses an item that does not exist, naming the ones that do, and writes nothing', async () => {
    const { say, ref } = await withTwoActions();
    const before = (await app?.store.read(ref))?.length;
    expect(await say('action done 7')).toContain(
      'There is no action item A7. Its action items are A1 to A2.',
    );
    expect((await app?.store.read(ref))?.length).toBe(before);
  });

  it('refuses to mark done what is already done, with the usage', async () => {
    const { say } = await withTwoActions();
    await say('action done 1');
    const answer = await say('action done 1');
    expect(answer).toContain('Action item A1 is already done. To open it again: /incident action reopen 1.');
    expect(answer).toContain('/incident action done|reopen <n>');
  });

  it('shows done items on the timeline, ticked in the draft, and counts open ones in stats', async () => {
    const { say, ref } = await withTwoActions();
    await say('action done 1');
    const timeline = await app?.core.process({
      kind: 'command',
      text: 'timeline',
      context: context((await app?.store.state(ref))?.channel?.id as string),
    });
    expect(JSON.stringify(timeline)).toContain('Action item A1 done');
    const draft = await app?.services.postmortems.render(ref, 'report');
    expect(draft?.content).toContain('| add alert on 502 rate | unassigned | — | high | [x] Done |');
    expect(draft?.content).toContain(
      '| write the runbook for failover | unassigned | — | medium | [ ] Open |',
    );
    const stats = await app?.core.process({ kind: 'command', text: 'stats', context: context('general') });
    expect(stats?.lines).toContain('Open action items: 1 (INC-1 1).');
  });
});
