import { afterEach, describe, expect, it } from 'vitest';
import { AdapterRuntime } from '../../../adapters/runtime/adapter-runtime.ts';
import type { InboundContext } from '../../../src/core/inbound-event.ts';
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
});
