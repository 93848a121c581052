import { afterEach, describe, expect, it } from 'vitest';
import { FAKE_IDS } from '../../fakes/slack/index.ts';
import { type SlackHarness, startSlackHarness } from './slack-harness.ts';

let h: SlackHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const COUNT = 50;

describe.each(['http', 'socket'] as const)('50 commands at once (%s mode)', (mode) => {
  it('acks every one of them and answers every one of them', async () => {
    h = await startSlackHarness({ mode });
    await h.command('start sev2 checkout errors', { channel_id: FAKE_IDS.general });
    await h.settle();
    const channel = (await h.incident()).channel?.id as string;
    const harness = h;
    // Slack gives up on an unacked slash command after 3 s; Bolt answers 404 on its own at that point.
    const deliveries = await Promise.all(
      Array.from({ length: COUNT }, (_, index) =>
        harness.command(`note update ${index}`, {
          channel_id: channel,
          user_id: `U0LOAD${index}`,
          user_name: `load${index}`,
        }),
      ),
    );
    expect(deliveries.map((delivery) => delivery.status)).toEqual(Array(COUNT).fill(200));
    expect(deliveries.filter((delivery) => delivery.acked)).toHaveLength(COUNT);
    await h.settle();
    const notes = await h.events('note_added');
    expect(notes.map((note) => note.text).sort()).toEqual(
      Array.from({ length: COUNT }, (_, index) => `update ${index}`).sort(),
    );
    const echoes = h.fake.responseUrlPosts.filter((post) => String(post.body?.text).startsWith('Noted'));
    expect(echoes).toHaveLength(COUNT);
    expect(h.fake.specViolations()).toEqual([]);
  });
});
