import { afterEach, describe, expect, it } from 'vitest';
import { FAKE_IDS, humanMessage } from '../../fakes/slack/index.ts';
import { type SlackHarness, startSlackHarness } from './slack-harness.ts';

let h: SlackHarness | undefined;
afterEach(async () => {
  expect(h?.fake.specViolations()).toEqual([]);
  await h?.close();
  h = undefined;
});

async function incidentChannel(harness: SlackHarness): Promise<string> {
  await harness.command('start sev2 checkout errors');
  await harness.settle();
  return (await harness.incident()).channel?.id as string;
}

describe('after a restart', () => {
  it('records what was said while the bot was down, once each, even across restarts', async () => {
    h = await startSlackHarness();
    const channel = await incidentChannel(h);
    const live = humanMessage(h.fake.workspace, { channel, user: FAKE_IDS.bob, text: 'before the restart' });
    await h.event(live);
    await expect.poll(async () => (await h?.events('message_captured'))?.length).toBe(1);

    await h.stopBot();
    const ws = h.fake.workspace;
    const first = humanMessage(ws, { channel, user: FAKE_IDS.bob, text: 'while down 1' });
    humanMessage(ws, { channel, user: FAKE_IDS.carol, text: 'while down 2' });
    humanMessage(ws, {
      channel,
      user: FAKE_IDS.alice,
      text: 'reply while down',
      thread_ts: String(first.ts),
    });
    ws.addMessage(channel, { text: 'a post of tocsin itself', user: FAKE_IDS.botUser, bot_id: FAKE_IDS.bot });
    await h.startBot();
    const texts = async () => (await h?.events('message_captured'))?.map((event) => event.text);
    expect(await texts()).toEqual(['before the restart', 'while down 1', 'while down 2', 'reply while down']);
    const reply = (await h.events('message_captured')).find((event) => event.text === 'reply while down');
    expect(reply?.threadId).toBe(first.ts);

    // Slack delivering the missed event late changes nothing, and neither does another restart.
    await h.event(first);
    await h.stopBot();
    await h.startBot();
    await h.settle();
    expect(await texts()).toEqual(['before the restart', 'while down 1', 'while down 2', 'reply while down']);
  });

  it('says it is not ready until the backfill has finished', async () => {
    h = await startSlackHarness();
    await incidentChannel(h);
    await h.stopBot();
    h.fake.failNext('conversations.history', { delayMs: 500 });
    await h.startBot({ awaitBackfill: false });
    expect(h.adapter.isReady()).toBe(false);
    expect(h.app.readiness.reasons()).toContain('slack backfill has not finished');
    await h.adapter.backfilled;
    expect(h.fake.callsTo('conversations.history').at(-1)?.status).toBe(200);
    expect(h.adapter.isReady()).toBe(true);
    expect(h.app.readiness.reasons()).toEqual([]);
  });

  it('reads history in small pages, following the cursor', async () => {
    h = await startSlackHarness({ overrides: { historyPageSize: 2 } });
    const channel = await incidentChannel(h);
    await h.stopBot();
    for (let index = 0; index < 5; index++) {
      humanMessage(h.fake.workspace, { channel, user: FAKE_IDS.bob, text: `paged ${index}` });
    }
    h.fake.reset();
    await h.startBot();
    const reads = h.fake.callsTo('conversations.history');
    expect(reads.length).toBeGreaterThanOrEqual(3);
    expect(reads.every((call) => call.params.limit === '2')).toBe(true);
    expect((await h.events('message_captured')).map((event) => event.text)).toEqual(
      Array.from({ length: 5 }, (_, index) => `paged ${index}`),
    );
  });

  it('waits out a rate-limited history read (429 with Retry-After) and still gets everything', async () => {
    h = await startSlackHarness();
    const channel = await incidentChannel(h);
    await h.stopBot();
    humanMessage(h.fake.workspace, { channel, user: FAKE_IDS.bob, text: 'said during the outage' });
    h.fake.reset();
    h.fake.failNext('conversations.history', { status: 429, retryAfter: 1 });
    await h.startBot();
    expect(h.fake.callsTo('conversations.history').map((call) => call.status)).toEqual([429, 200]);
    expect((await h.events('message_captured')).map((event) => event.text)).toEqual([
      'said during the outage',
    ]);
  });
});
