import { afterEach, describe, expect, it, vi } from 'vitest';
import { FAKE_IDS, humanMessage } from '../../fakes/slack/index.ts';
import { testConfig } from '../../support/test-app.ts';
import { pinnedSummary, type SlackHarness, startSlackHarness } from './slack-harness.ts';

const { alice, bob, general } = FAKE_IDS;
const HISTORY_METHODS = ['conversations.history', 'conversations.replies'];
/** Slack's minute, shrunk: every wait the bot takes is a thousandth of what Slack asks for. */
const WAIT_SCALE = 0.001;
const UNTIL_DONE = { timeout: 30_000, interval: 50 };

let h: SlackHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const tsAgo = (seconds: number, micro: number) =>
  `${Math.floor(Date.now() / 1000) - seconds}.${String(micro).padStart(6, '0')}`;

/**
 * Fifty minutes of talk before anyone typed a command: 80 messages in the channel (more than a
 * standard page) and one thread of 20 replies (more than a slow page).
 */
function talkedBefore(harness: SlackHarness): string[] {
  const ws = harness.fake.workspace;
  const texts: string[] = [];
  for (let i = 0; i < 80; i++) {
    const text = `earlier message ${i}`;
    ws.addMessage(general, { user: i % 2 ? alice : bob, text, ts: tsAgo(3000 - i * 30, i) });
    texts.push(text);
  }
  const parent = tsAgo(2995, 999);
  ws.addMessage(general, { user: alice, text: 'thread: checkout 502s', ts: parent });
  texts.unshift('thread: checkout 502s');
  for (let i = 0; i < 20; i++) {
    const text = `thread reply ${i}`;
    ws.addMessage(general, { user: bob, text, thread_ts: parent, ts: tsAgo(2990 - i, 100 + i) });
    texts.push(text);
  }
  return texts;
}

/**
 * Slack's slow tier: one history request per window, a 429 with Retry-After: 60 for the rest. A
 * window of an hour holds the read still (the bot waits 60 ms between tries) after the two
 * requests let through first (the summary's lookup and the first page, as if the app had just been
 * moved to the tier); a short window lets it go.
 */
function holdHistory(harness: SlackHarness): void {
  harness.fake.limitRate({ methods: HISTORY_METHODS, windowMs: 3_600_000, retryAfter: 60, burst: 2 });
}
function releaseHistory(harness: SlackHarness): void {
  harness.fake.limitRate({ methods: HISTORY_METHODS, windowMs: 20, retryAfter: 60 });
}

async function adoptedWhileHeld(harness: SlackHarness): Promise<void> {
  holdHistory(harness);
  await harness.command('adopt sev2 checkout errors', { user_id: alice, channel_id: general });
  await harness.settle();
  await vi.waitFor(async () => expect((await harness.incident()).history?.requestsPerMinute).toBe(1));
  await harness.settle();
}

async function capturedTexts(harness: SlackHarness): Promise<string[]> {
  return (await harness.events('message_captured')).map((event) => event.text);
}

async function readToTheEnd(harness: SlackHarness): Promise<void> {
  releaseHistory(harness);
  await vi.waitFor(async () => expect((await harness.incident()).history?.done).toBe(true), UNTIL_DONE);
  await harness.settle();
}

const botPosts = (harness: SlackHarness) =>
  harness.fake.workspace.messages(general).filter((message) => message.user === FAKE_IDS.botUser);

describe('/incident adopt when Slack allows this app 1 history request a minute', () => {
  it('says in the channel that the history comes in slowly, at what pace, and what is in so far', async () => {
    h = await startSlackHarness({ overrides: { historyWaitScale: WAIT_SCALE } });
    talkedBefore(h);
    await adoptedWhileHeld(h);
    const notice = botPosts(h).find((message) => /comes in slowly/.test(String(message.text)));
    expect(notice?.text).toContain('1 request a minute');
    expect(notice?.text).toContain('48 messages are in so far, back to');
  });

  it('shows in the pinned summary how far the read has got, then that it is all in', async () => {
    h = await startSlackHarness({ overrides: { historyWaitScale: WAIT_SCALE } });
    talkedBefore(h);
    await adoptedWhileHeld(h);
    const reading = JSON.stringify(pinnedSummary(h, general).blocks);
    expect(reading).toContain('*History*: 48 messages read, back to');
    expect(reading).toContain('still reading (1 request a minute is all Slack allows this app)');
    await readToTheEnd(h);
    expect(JSON.stringify(pinnedSummary(h, general).blocks)).toContain('*History*: 101 messages read');
    expect(JSON.stringify(pinnedSummary(h, general).blocks)).toContain('all in');
  });

  it('reads every message once, in pages of at most 15 once it knows the tier', async () => {
    h = await startSlackHarness({ overrides: { historyWaitScale: WAIT_SCALE } });
    const said = talkedBefore(h);
    await adoptedWhileHeld(h);
    await readToTheEnd(h);
    expect((await capturedTexts(h)).sort()).toEqual([...said].sort());
    const slowPages = h.fake.callsTo('conversations.replies').map((call) => Number(call.params.limit));
    expect(slowPages.length).toBeGreaterThan(0);
    expect(slowPages.every((limit) => limit <= 15)).toBe(true);
  });

  it('captures what is said live during the slow read with no gap and no duplicate', async () => {
    h = await startSlackHarness({ overrides: { historyWaitScale: WAIT_SCALE } });
    const said = talkedBefore(h);
    await adoptedWhileHeld(h);
    const parent = h.fake.workspace
      .messages(general)
      .find((message) => message.text === 'thread: checkout 502s');
    await h.event(humanMessage(h.fake.workspace, { channel: general, user: bob, text: 'rolling back now' }));
    await h.event(
      humanMessage(h.fake.workspace, {
        channel: general,
        user: alice,
        text: 'late reply in the old thread',
        thread_ts: parent?.ts as string,
      }),
    );
    await h.settle();
    await readToTheEnd(h);
    expect((await capturedTexts(h)).sort()).toEqual(
      [...said, 'rolling back now', 'late reply in the old thread'].sort(),
    );
  });

  it('goes on from where it was after a restart, losing and repeating nothing', async () => {
    h = await startSlackHarness({ overrides: { historyWaitScale: WAIT_SCALE } });
    const said = talkedBefore(h);
    await adoptedWhileHeld(h);
    await h.stopBot();
    await h.startBot();
    await readToTheEnd(h);
    expect((await capturedTexts(h)).sort()).toEqual([...said].sort());
    // Resumed from the position in the log: read from the start again, it would count 149.
    expect((await h.incident()).history?.read).toBe(said.length);
  });

  it('says so in the adopt reply itself when the config names the limited tier', async () => {
    const config = testConfig();
    h = await startSlackHarness({
      config: { ...config, slack: { ...config.slack, history_rate_tier: 'limited' } },
      overrides: { historyWaitScale: WAIT_SCALE },
    });
    const said = talkedBefore(h);
    releaseHistory(h);
    await h.command('adopt sev2 checkout errors', { user_id: alice, channel_id: general });
    await h.settle();
    const reply = h.fake.responseUrlPosts.map((post) => String(post.body?.text)).join('\n');
    expect(reply).toContain(
      'It comes in slowly: the platform lets tocsin read this history at 1 request a minute',
    );
    await vi.waitFor(async () => expect((await h?.incident())?.history?.done).toBe(true), UNTIL_DONE);
    expect((await capturedTexts(h)).sort()).toEqual([...said].sort());
    const reads = h.fake.callsTo('conversations.history').filter((call) => call.params.oldest !== undefined);
    expect(reads.every((call) => Number(call.params.limit) <= 15)).toBe(true);
  });
});
