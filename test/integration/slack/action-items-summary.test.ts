import { afterEach, describe, expect, it } from 'vitest';
import { FAKE_IDS } from '../../fakes/slack/index.ts';
import { pinnedSummary, type SlackHarness, startSlackHarness } from './slack-harness.ts';

let h: SlackHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('action items in the pinned Slack summary', () => {
  it('lists them with their state, a done one ticked and struck through', async () => {
    h = await startSlackHarness();
    await h.command('start sev2 checkout errors', { user_id: FAKE_IDS.alice, channel_id: FAKE_IDS.general });
    await h.settle();
    const channel = (await h.incident()).channel?.id as string;
    await h.command('action add alert on 502 rate', { user_id: FAKE_IDS.alice, channel_id: channel });
    await h.command('action write the failover runbook', { user_id: FAKE_IDS.alice, channel_id: channel });
    await h.command('action done 1', { user_id: FAKE_IDS.bob, channel_id: channel });
    await h.settle();
    const text = JSON.stringify(pinnedSummary(h, channel).blocks);
    expect(text).toContain('*Action items* (1 open of 2)');
    expect(text.indexOf('◻️ A2 write the failover runbook')).toBeLessThan(
      text.indexOf('✅ ~A1 add alert on 502 rate~'),
    );
  });
});
