import { afterEach, describe, expect, it } from 'vitest';
import { FAKE_IDS, type Fault } from '../../fakes/slack/index.ts';
import { type SlackHarness, slackConfig, startSlackHarness } from './slack-harness.ts';

let h: SlackHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** The platform calls of provisioning, in order; `nth` counts calls to the same method. */
const CALLS = [
  { method: 'conversations.create', nth: 1 },
  { method: 'conversations.invite', nth: 1 },
  { method: 'chat.postMessage', nth: 1 }, // the summary
  { method: 'pins.add', nth: 1 },
  { method: 'chat.postMessage', nth: 2 }, // the announcement
] as const;

/** A refusal Slack may heal from (the job retries), and a crash right after the call took effect. */
const FAULTS: { name: string; fault: Fault }[] = [
  { name: 'fails before it takes effect', fault: { error: 'internal_error' } },
  { name: 'takes effect but its answer is lost', fault: { lostAnswer: true } },
];

/** The real Bolt adapter with no client-side retries: a lost answer fails the job, as a crash would. */
async function harness(): Promise<SlackHarness> {
  return startSlackHarness({
    config: slackConfig({ responders: [FAKE_IDS.bob], announce_channel: FAKE_IDS.general }),
    overrides: { retryConfig: { retries: 0 } },
  });
}

async function provisioned(harness: SlackHarness): Promise<string> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    await harness.settle();
    const channel = (await harness.incident()).channel?.id;
    if (channel) return channel;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('INC-1 was never linked to a channel');
}

function expectOneOfEverything(harness: SlackHarness, channel: string): void {
  const ws = harness.fake.workspace;
  const incidentChannels = [...ws.channels.values()].filter((c) => c.name.startsWith('inc-1-'));
  expect(incidentChannels.map((c) => c.name)).toEqual(['inc-1-checkout-errors']);
  expect(incidentChannels[0]?.id).toBe(channel);
  expect(incidentChannels[0]?.members).toContain(FAKE_IDS.bob);
  const summaries = ws
    .messages(channel)
    .filter((m) => (m.blocks as { block_id?: string }[] | undefined)?.[0]?.block_id === 'tocsin_summary');
  expect(summaries).toHaveLength(1);
  expect(ws.pins(channel).map((m) => m.ts)).toEqual([summaries[0]?.ts]);
  const announcements = ws
    .messages(FAKE_IDS.general)
    .filter((m) => m.user === FAKE_IDS.botUser && String(m.text).includes(`<#${channel}>`));
  expect(announcements).toHaveLength(1);
}

describe('provisioning a Slack channel that fails between platform calls', () => {
  for (const { method, nth } of CALLS) {
    for (const { name, fault } of FAULTS) {
      it(`ends with one channel, linked, one pinned summary and one announcement when ${method} #${nth} ${name}`, async () => {
        h = await harness();
        // A zero delay lets the calls before the n-th through untouched.
        for (let skip = 1; skip < nth; skip++) h.fake.failNext(method, { delayMs: 0 });
        h.fake.failNext(method, fault);
        await h.command('start sev2 checkout errors', { channel_id: FAKE_IDS.general });
        const channel = await provisioned(h);
        expectOneOfEverything(h, channel);
        expect(await h.events('channel_linked')).toHaveLength(1);
      }, 30_000);
    }
  }
});

describe('a message said in the channel before it is linked', () => {
  it('is on the timeline once provisioning links the channel', async () => {
    h = await harness();
    // The summary post fails once, so the channel exists well before it is linked.
    h.fake.failNext('chat.postMessage', { error: 'internal_error' });
    await h.command('start sev2 checkout errors', { channel_id: FAKE_IDS.general });
    await h.fake.waitForCall('conversations.create');
    const created = [...h.fake.workspace.channels.values()].find((c) => c.name.startsWith('inc-1-'));
    const early = h.fake.workspace.addMessage(created?.id ?? '', {
      user: FAKE_IDS.bob,
      text: 'I am in, looking at the load balancer',
    });
    expect(early.ts).toBeDefined();
    const channel = await provisioned(h);
    expectOneOfEverything(h, channel);
    const captured = await h.events('message_captured');
    expect(captured.map((event) => event.text)).toEqual(['I am in, looking at the load balancer']);
  }, 30_000);
});

describe('a bot stopped in the middle of provisioning', () => {
  it('is finished by the next bot on the same Redis, with nothing made twice', async () => {
    h = await harness();
    // The first bot stops with the channel created but its answer unheard: a job left behind.
    h.fake.failNext('conversations.create', { lostAnswer: true });
    await h.command('start sev2 checkout errors', { channel_id: FAKE_IDS.general });
    await h.fake.waitForCall('conversations.create');
    expect(await h.events('channel_linked')).toEqual([]);
    await h.stopBot();
    await h.startBot();
    const channel = await provisioned(h);
    expectOneOfEverything(h, channel);
  }, 40_000);
});

describe('the Web API client retrying a create whose answer was lost', () => {
  it('keeps the channel the first try made instead of opening inc-1-…-2', async () => {
    h = await startSlackHarness({
      config: slackConfig({ responders: [FAKE_IDS.bob], announce_channel: FAKE_IDS.general }),
    });
    h.fake.failNext('conversations.create', { lostAnswer: true });
    await h.command('start sev2 checkout errors', { channel_id: FAKE_IDS.general });
    const channel = await provisioned(h);
    expect(h.fake.callsTo('conversations.create').length).toBeGreaterThan(1);
    expectOneOfEverything(h, channel);
  }, 40_000);
});
