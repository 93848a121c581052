import { afterEach, describe, expect, it } from 'vitest';
import { createSlackEventSender, FAKE_IDS, humanMessage } from '../../fakes/slack/index.ts';
import { type SlackHarness, startSlackHarness } from './slack-harness.ts';

let h: SlackHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

function sender(harness: SlackHarness) {
  return createSlackEventSender({
    url: harness.adapter.eventsUrl ?? '',
    signingSecret: harness.fake.signingSecret,
    context: harness.fake,
  });
}

describe('requests that Slack did not sign', () => {
  it('refuses a slash command with a bad signature (401) and declares nothing', async () => {
    h = await startSlackHarness();
    const answer = await sender(h).sendSlashCommand({ text: 'start sev1 db down' }, { badSignature: true });
    expect(answer.status).toBe(401);
    await h.settle();
    expect(await h.app.store.allIncidents({ platform: 'slack', workspace: h.fake.teamId })).toEqual([]);
    expect(h.fake.calls.map((call) => call.method).filter((method) => method !== 'auth.test')).toEqual([]);
    expect(h.fake.responseUrlPosts).toEqual([]);
  });

  it('refuses a replayed, correctly signed request whose timestamp is stale (401)', async () => {
    h = await startSlackHarness();
    const answer = await sender(h).sendSlashCommand({ text: 'start sev1 db down' }, { staleTimestamp: true });
    expect(answer.status).toBe(401);
    await h.settle();
    expect(await h.app.store.allIncidents({ platform: 'slack', workspace: h.fake.teamId })).toEqual([]);
  });

  it('refuses a forged message event (401) and captures nothing', async () => {
    h = await startSlackHarness();
    await h.command('start sev2 checkout errors');
    await h.settle();
    const channel = (await h.incident()).channel?.id as string;
    const forged = humanMessage(h.fake.workspace, { channel, user: FAKE_IDS.bob, text: 'forged' });
    const bad = await sender(h).sendEvent(forged, { badSignature: true });
    const stale = await sender(h).sendEvent(forged, { staleTimestamp: true });
    expect([bad.status, stale.status]).toEqual([401, 401]);
    await h.settle();
    expect(await h.events('message_captured')).toEqual([]);
  });

  it('accepts the same request when it is signed with the signing secret', async () => {
    h = await startSlackHarness();
    const answer = await sender(h).sendSlashCommand({ text: 'list' });
    expect(answer.status).toBe(200);
    await expect(h.fake.waitForResponseUrlPost()).resolves.toMatchObject({
      body: { text: 'No open incidents.' },
    });
  });
});
