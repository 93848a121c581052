import { afterEach, describe, expect, it } from 'vitest';
import { SUMMARY_INTERVAL_MS } from '../../../src/jobs/handlers/refresh-summary.ts';
import type { RecordedCall } from '../../fakes/slack/index.ts';
import { type SlackHarness, startSlackHarness } from './slack-harness.ts';

let h: SlackHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const NOTES = 50;

function summaryUpdates(harness: SlackHarness, channel: string): RecordedCall[] {
  return harness.fake
    .callsTo('chat.update')
    .filter(
      (call) =>
        call.params.channel === channel &&
        (call.params.blocks as { block_id?: string }[] | undefined)?.[0]?.block_id === 'tocsin_summary',
    );
}

describe('the pinned summary under a burst of notes', () => {
  it('is edited at most about once a second, and ends on the last change', async () => {
    h = await startSlackHarness({ summaryIntervalMs: SUMMARY_INTERVAL_MS });
    await h.command('start sev3 checkout errors');
    await h.settle();
    const channel = (await h.incident()).channel?.id as string;
    const before = summaryUpdates(h, channel).length;
    const started = Date.now();

    const harness = h;
    const answers = await Promise.all(
      Array.from({ length: NOTES }, (_, index) =>
        harness.command(`note burst note ${index}`, { channel_id: channel }),
      ),
    );
    expect(answers.every((answer) => answer.acked)).toBe(true);
    // The change made last, so the final edit must show state newer than every note.
    await h.command('sev sev1 it spread', { channel_id: channel });
    await h.settle();
    const elapsedSeconds = (Date.now() - started) / 1000;

    const updates = summaryUpdates(h, channel).slice(before);
    // One edit per started second of the burst, plus the trailing one; without coalescing it is
    // one per note (or per reactor batch), far above this.
    expect(updates.length).toBeGreaterThanOrEqual(1);
    expect(updates.length).toBeLessThanOrEqual(Math.ceil(elapsedSeconds) + 1);
    expect(JSON.stringify(updates.at(-1)?.params.blocks)).toContain('SEV1');
    expect((await h.events('note_added')).length).toBe(NOTES);

    // No job per note: the queue ran one refresh per edit (plus at most one that found nothing new).
    const refreshes = (await h.app.jobs.queue.getCompleted()).filter((job) => job.name === 'refresh-summary');
    expect(refreshes.length).toBeLessThanOrEqual(updates.length + 2);
  });
});
