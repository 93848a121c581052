import { afterEach, describe, expect, it } from 'vitest';
import { FAKE_IDS } from '../../fakes/slack/index.ts';
import { type SlackHarness, slackConfig, startSlackHarness } from './slack-harness.ts';

const { alice, bob, carol, general } = FAKE_IDS;

let h: SlackHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function declarePrivately(): Promise<SlackHarness> {
  const harness = await startSlackHarness({
    config: slackConfig({ announce_channel: general, responders: [carol] }),
  });
  h = harness;
  await harness.command('start private sev1 customer data exposed', { user_id: alice, channel_id: general });
  await harness.settle();
  return harness;
}

function answersTo(harness: SlackHarness, command: string): string[] {
  return harness.fake.responseUrlPosts
    .filter((post) => post.body?.response_type === 'ephemeral')
    .map((post) => JSON.stringify(post.body))
    .filter((text) => text.includes(command));
}

describe('a private incident in Slack', () => {
  it('opens a private channel, with only the declarer told where it is typed', async () => {
    const harness = await declarePrivately();
    const incident = await harness.incident();
    expect(incident.private).toBe(true);
    expect(harness.fake.workspace.channels.get(incident.channel?.id ?? '')?.is_private).toBe(true);
    const declared = harness.fake.responseUrlPosts.find((post) => String(post.body?.text).includes('INC-1'));
    expect(declared?.body).toMatchObject({ response_type: 'ephemeral' });
    expect(String(declared?.body?.text)).toContain('INC-1 declared privately: SEV1 customer data exposed');
  });

  it('is not announced in the announce channel', async () => {
    const harness = await declarePrivately();
    const said = harness.fake.workspace.topLevel(general).map((message) => message.text);
    expect(said.join('\n')).not.toContain('customer data exposed');
  });

  it('is left out of /incident list for someone outside its channel, and shown to its members', async () => {
    const harness = await declarePrivately();
    await harness.command('start sev3 slow search', { user_id: bob, channel_id: general });
    await harness.settle();
    await harness.command('list', { user_id: bob, channel_id: general });
    await harness.command('list', { user_id: alice, channel_id: general });
    await harness.settle();
    const [bobs, alices] = answersTo(harness, 'open incident');
    expect(bobs).toContain('slow search');
    expect(bobs).not.toContain('customer data exposed');
    expect(alices).toContain('customer data exposed');
    expect(alices).toContain('private');
  });

  it('is shown to a responder who was invited to its channel (Slack says who is in it)', async () => {
    const harness = await declarePrivately();
    await harness.command('list', { user_id: carol, channel_id: general });
    await harness.settle();
    expect(answersTo(harness, 'open incident').at(-1)).toContain('customer data exposed');
    expect(harness.fake.callsTo('conversations.members').length).toBeGreaterThan(0);
  });

  it('is left out of /incident stats for someone outside its channel', async () => {
    const harness = await declarePrivately();
    await harness.command('stats', { user_id: bob, channel_id: general });
    await harness.settle();
    expect(answersTo(harness, 'No incidents declared in the last 30 days')).toHaveLength(1);
  });
});
