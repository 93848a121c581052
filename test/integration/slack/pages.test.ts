import { afterEach, describe, expect, it } from 'vitest';
import { blockActionsPayload, FAKE_IDS } from '../../fakes/slack/index.ts';
import { buttonsOf, type SlackHarness, startSlackHarness } from './slack-harness.ts';

let h: SlackHarness | undefined;
afterEach(async () => {
  expect(h?.fake.specViolations()).toEqual([]);
  await h?.close();
  h = undefined;
});

describe('a page through Slack', () => {
  it('reaches the person in a DM with an Acknowledge button that acknowledges in the incident channel', async () => {
    h = await startSlackHarness();
    await h.command('start sev2 checkout errors');
    await h.settle();
    const channel = (await h.incident()).channel?.id as string;
    await h.command(`page <@${FAKE_IDS.carol}|carol> db is on fire`, { channel_id: channel });
    await h.settle();
    const dm = [...h.fake.workspace.channels.values()].find((c) => c.is_im && c.user === FAKE_IDS.carol);
    const page = h.fake.workspace.topLevel(dm?.id ?? '').at(-1);
    const ack = buttonsOf(page ?? {}).get('Acknowledge');
    expect(ack).toBeDefined();

    await h.interaction(
      blockActionsPayload(h.fake, {
        actions: [{ action_id: ack?.action_id ?? '', value: ack?.value ?? '', text: 'Acknowledge' }],
        channel_id: dm?.id ?? '',
        user_id: FAKE_IDS.carol,
        message: { ...(page as { ts: string }) },
      }),
    );
    await expect.poll(async () => (await h?.events('acknowledged'))?.length).toBe(1);
    await h.settle();
    expect((await h.incident()).pages.every((p) => p.acknowledgedAt !== undefined)).toBe(true);
    const said = h.fake.workspace.topLevel(channel).map((m) => JSON.stringify(m.blocks ?? m.text));
    expect(said.some((text) => text.includes('acknowledged') && text.includes(`<@${FAKE_IDS.carol}>`))).toBe(
      true,
    );
  });
});
