import { afterEach, describe, expect, it } from 'vitest';
import { FAKE_IDS, humanMessage } from '../../fakes/slack/index.ts';
import { pinnedSummary, type SlackHarness, startSlackHarness } from './slack-harness.ts';

const { alice, bob, general } = FAKE_IDS;

let h: SlackHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const tsAgo = (minutes: number, micro: number) =>
  `${Math.floor(Date.now() / 1000) - minutes * 60}.${String(micro).padStart(6, '0')}`;

/** Talk in #general before anyone declared anything: history only, nobody captured it live. */
async function talkedBefore(harness: SlackHarness): Promise<void> {
  const ws = harness.fake.workspace;
  ws.addMessage(general, { user: bob, text: 'lunch plans?', ts: tsAgo(120, 1) });
  ws.addMessage(general, { user: alice, text: 'checkout is throwing 502s', ts: tsAgo(30, 2) });
  ws.addMessage(general, { user: bob, text: 'same here, since the deploy', ts: tsAgo(20, 3) });
}

describe('/incident adopt in Slack', () => {
  it('makes the channel the incident’s: no new channel, the summary pinned there', async () => {
    h = await startSlackHarness();
    await talkedBefore(h);
    await h.command('adopt sev2 checkout errors', { user_id: alice, channel_id: general });
    await h.settle();
    const incident = await h.incident();
    expect(incident.channel?.id).toBe(general);
    expect(h.fake.callsTo('conversations.create')).toEqual([]);
    expect(JSON.stringify(pinnedSummary(h, general).blocks)).toContain('INC-1 SEV2: checkout errors');
  });

  it('reads back what was said in the last hour, with its own times, and starts the incident at the first of it', async () => {
    h = await startSlackHarness();
    await talkedBefore(h);
    await h.command('adopt sev2 checkout errors', { user_id: alice, channel_id: general });
    await h.settle();
    const captured = await h.events('message_captured');
    expect(captured.map((event) => event.text)).toEqual([
      'checkout is throwing 502s',
      'same here, since the deploy',
    ]);
    expect((await h.incident()).declaredAt).toBe(captured[0]?.occurredAt);
  });

  it('keeps capturing what is said afterwards, once each', async () => {
    h = await startSlackHarness();
    await talkedBefore(h);
    await h.command('adopt sev2 checkout errors', { user_id: alice, channel_id: general });
    await h.settle();
    await h.event(humanMessage(h.fake.workspace, { channel: general, user: bob, text: 'rolling back now' }));
    await h.settle();
    const texts = (await h.events('message_captured')).map((event) => event.text);
    expect(texts).toEqual(['checkout is throwing 502s', 'same here, since the deploy', 'rolling back now']);
  });

  it('refuses to adopt a channel that already is an incident’s, and declares nothing', async () => {
    h = await startSlackHarness();
    await h.command('adopt sev2 checkout errors', { user_id: alice, channel_id: general });
    await h.settle();
    await h.command('adopt sev1 again', { user_id: bob, channel_id: general });
    await h.settle();
    const answer = h.fake.responseUrlPosts.filter((post) => post.body?.response_type === 'ephemeral').at(-1);
    expect(String(answer?.body?.text)).toContain("This channel is already INC-1's channel.");
    expect(await h.app.store.allIncidents({ platform: 'slack', workspace: h.fake.teamId })).toHaveLength(1);
  });
});
