import { afterEach, describe, expect, it } from 'vitest';
import type { IncidentRef } from '../../../src/core/model/incident-ref.ts';
import { readPagingLog } from '../../../src/paging/paging-log.ts';
import type { IncidentStore } from '../../../src/ports/incident-store.ts';
import { createTestApp, type TestApp } from '../../support/test-app.ts';

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

/** The store, counting the events its scans hand out. */
function counting(store: IncidentStore): { store: IncidentStore; read: () => number } {
  let read = 0;
  const wrapped = Object.create(store) as IncidentStore;
  wrapped.scan = async function* (ref, pageSize, after) {
    for await (const page of store.scan(ref, pageSize, after)) {
      read += page.length;
      yield page;
    }
  };
  return { store: wrapped, read: () => read };
}

describe('what a paging job reads of a long incident', () => {
  it('reads only what was added since its last read, not the whole stream again', async () => {
    app = createTestApp({ startWorkers: false });
    const reply = await app.core.process({
      kind: 'command',
      text: 'start sev3 checkout',
      context: context('general'),
    });
    const ref = reply?.incident as IncidentRef;
    const channel = `console-${ref.number}`;
    await app.store.linkChannel(ref, channel);
    for (let i = 0; i < 500; i++) {
      await app.core.process({
        kind: 'message',
        messageId: `m${i}`,
        text: `line ${i}`,
        occurredAt: new Date(),
        context: context(channel),
      });
    }
    const { store, read } = counting(app.store);
    const first = await readPagingLog(store, ref);
    const afterFirst = read();
    await app.core.process({ kind: 'command', text: 'sev sev2 spreading', context: context(channel) });
    const second = await readPagingLog(store, ref);
    expect(afterFirst).toBeGreaterThanOrEqual(501);
    expect(read() - afterFirst).toBe(1);
    expect(second.map((entry) => entry.event.type)).toEqual([
      ...first.map((entry) => entry.event.type),
      'severity_changed',
    ]);
    expect(second.at(-1)?.revision).toBe(first.length + 1);
  });
});
