import { afterEach, describe, expect, it } from 'vitest';
import { FAKE_IDS } from '../../fakes/slack/index.ts';
import {
  pinnedSummary,
  type SlackHarness,
  startSlackHarness,
} from '../../integration/slack/slack-harness.ts';
import { pause, waitFor } from './support/wait-for.ts';

/** The window: half of it 500s, half 429s with Retry-After. */
const OUTAGE_MS = 30_000;
const NOTES = 5;

let h: SlackHarness | undefined;
afterEach(async () => {
  expect(h?.fake.specViolations()).toEqual([]);
  await h?.close();
  h = undefined;
}, 30_000);

function summaryText(harness: SlackHarness, channel: string): string {
  return JSON.stringify(pinnedSummary(harness, channel).blocks);
}

describe("Slack's Web API answers 500s, then 429s, for 30 s", () => {
  it('nothing crashes, every acknowledged command is in the log, and the work completes afterwards', async () => {
    h = await startSlackHarness();
    const harness = h;
    const { fake } = harness;
    await harness.command('start sev2 checkout errors', { channel_id: FAKE_IDS.general });
    await harness.settle();
    const first = (await harness.incident(1)).channel?.id as string;

    const outageEnds = Date.now() + OUTAGE_MS;
    fake.failAll({ status: 500 }, OUTAGE_MS / 2);
    const rateLimited = pause(OUTAGE_MS / 2).then(() =>
      fake.failAll({ status: 429, retryAfter: 1 }, outageEnds - Date.now()),
    );

    // During the outage: a new incident, notes and a severity change on the open one.
    const acks = [await harness.command('start sev2 payments down', { channel_id: FAKE_IDS.general })];
    for (let i = 0; i < NOTES; i++) {
      acks.push(await harness.command(`note step ${i}`, { channel_id: first }));
      if (i === 2) await pause(OUTAGE_MS / 2);
    }
    acks.push(await harness.command('sev sev1', { channel_id: first }));
    expect(acks.every((ack) => ack.acked)).toBe(true);
    await rateLimited;

    // Everything acknowledged is written, whatever Slack says (the ack comes before the work).
    const notes = async () => (await harness.events('note_added', 1)).map((event) => event.text);
    await waitFor(async () => (await notes()).length === NOTES, 'the acknowledged notes', 5_000);
    expect(await notes()).toEqual(Array.from({ length: NOTES }, (_, i) => `step ${i}`));
    await waitFor(async () => (await harness.incident(1)).severity === 'SEV1', 'the severity change', 5_000);

    // After the window, the retried jobs finish the work Slack refused.
    await pause(Math.max(0, outageEnds - Date.now()));
    const statuses = new Set(fake.calls.map((call) => call.status));
    expect(statuses.has(500) && statuses.has(429)).toBe(true);
    await waitFor(
      async () => (await harness.app.store.state(harness.ref(2)))?.channel !== undefined,
      'the second incident channel',
      40_000,
    );
    const second = (await harness.incident(2)).channel?.id as string;
    expect(fake.workspace.channels.get(second)?.name).toBe('inc-2-payments-down');
    await waitFor(() => fake.workspace.pins(second).length === 1, 'the pinned summary of INC-2', 20_000);
    await waitFor(() => summaryText(harness, first).includes('SEV1'), 'the updated summary of INC-1', 20_000);
    // Every command was answered.
    for (let i = 0; i < NOTES; i++) {
      expect(fake.responseUrlPosts.some((post) => String(post.body?.text).includes(`step ${i}`))).toBe(true);
    }
    expect(fake.responseUrlPosts.some((post) => String(post.body?.text).includes('INC-2 declared'))).toBe(
      true,
    );
    // And the adapter is still there to take the next one.
    expect((await harness.command('note all clear', { channel_id: first })).acked).toBe(true);
    await waitFor(
      async () => (await harness.events('note_added', 1)).some((event) => event.text === 'all clear'),
      'the note after the outage',
    );
  }, 90_000);
});
