import { afterEach, describe, expect, it } from 'vitest';
import { FAKE_IDS, humanMessage, shortcutPayload } from '../../fakes/slack/index.ts';
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

describe('capturing the incident channel', () => {
  it("ignores tocsin's own posts and join notices", async () => {
    h = await startSlackHarness();
    const channel = await incidentChannel(h);
    const own = h.fake.workspace.addMessage(channel, {
      text: 'summary',
      user: FAKE_IDS.botUser,
      bot_id: FAKE_IDS.bot,
    });
    await h.event({
      type: 'message',
      subtype: 'bot_message',
      channel,
      bot_id: FAKE_IDS.bot,
      text: own.text,
      ts: own.ts,
    });
    await h.event({
      type: 'message',
      subtype: 'channel_join',
      channel,
      user: FAKE_IDS.bob,
      text: '<@U0BOB> has joined',
      ts: h.fake.workspace.nextTs(),
    });
    const real = humanMessage(h.fake.workspace, { channel, user: FAKE_IDS.bob, text: 'hello' });
    await h.event(real);
    await h.settle();
    expect((await h.events('message_captured')).map((event) => event.text)).toEqual(['hello']);
  });

  it('records messages from other bots (alerts) with the bot name', async () => {
    h = await startSlackHarness();
    const channel = await incidentChannel(h);
    await h.event({
      type: 'message',
      subtype: 'bot_message',
      channel,
      bot_id: 'B0GRAFANA',
      username: 'Grafana',
      text: 'p99 > 2s',
      ts: h.fake.workspace.nextTs(),
    });
    await expect
      .poll(async () => (await h?.events('message_captured'))?.[0]?.actor)
      .toEqual({ id: 'B0GRAFANA', name: 'Grafana' });
  });

  it('does not record an edit that changed no text (a link preview)', async () => {
    h = await startSlackHarness();
    const channel = await incidentChannel(h);
    const said = humanMessage(h.fake.workspace, {
      channel,
      user: FAKE_IDS.bob,
      text: 'see https://status.example',
    });
    await h.event(said);
    await h.event({
      type: 'message',
      subtype: 'message_changed',
      channel,
      ts: h.fake.workspace.nextTs(),
      message: {
        type: 'message',
        user: FAKE_IDS.bob,
        text: said.text,
        ts: said.ts,
        attachments: [{ title: 'Status' }],
      },
      previous_message: { type: 'message', user: FAKE_IDS.bob, text: said.text, ts: said.ts },
    });
    await h.settle();
    expect(await h.events('message_edited')).toEqual([]);
  });

  it('demotes a message when its 📌 is taken away', async () => {
    h = await startSlackHarness();
    const channel = await incidentChannel(h);
    const said = humanMessage(h.fake.workspace, { channel, user: FAKE_IDS.bob, text: 'cause found' });
    await h.event(said);
    const item = { type: 'message', channel, ts: said.ts };
    await h.event({ type: 'reaction_added', user: FAKE_IDS.alice, reaction: 'pushpin', item });
    await expect.poll(async () => (await h?.events('message_promoted'))?.length).toBe(1);
    await h.event({ type: 'reaction_removed', user: FAKE_IDS.alice, reaction: 'pushpin', item });
    await expect.poll(async () => (await h?.events('message_demoted'))?.length).toBe(1);
  });

  it('ignores reactions other than 📌', async () => {
    h = await startSlackHarness();
    const channel = await incidentChannel(h);
    const said = humanMessage(h.fake.workspace, { channel, user: FAKE_IDS.bob, text: 'cause found' });
    await h.event(said);
    await h.event({
      type: 'reaction_added',
      user: FAKE_IDS.alice,
      reaction: 'eyes',
      item: { type: 'message', channel, ts: said.ts },
    });
    await h.settle();
    expect(await h.events('message_promoted')).toEqual([]);
  });

  it('puts a message on the timeline at the time it was said through "Add to timeline"', async () => {
    h = await startSlackHarness();
    const channel = await incidentChannel(h);
    // Said before tocsin captured anything of it: the shortcut captures it first.
    const message = h.fake.workspace.addMessage(channel, { text: 'rollback finished', user: FAKE_IDS.carol });
    const answer = await h.interaction(
      shortcutPayload(h.fake, {
        callback_id: 'add_to_timeline',
        channel_id: channel,
        user_id: FAKE_IDS.alice,
        message: { ...message },
      }),
    );
    expect(answer.status).toBe(200);
    const confirmation = await h.fake.waitForResponseUrlPost((post) =>
      String(post.body?.text).includes('Added to the timeline'),
    );
    expect(confirmation.body?.response_type).toBe('ephemeral');
    const [captured] = await h.events('message_captured');
    expect(captured).toMatchObject({
      messageId: message.ts,
      text: 'rollback finished',
      actor: { id: FAKE_IDS.carol },
    });
    expect(Date.parse(captured?.occurredAt ?? '')).toBe(Math.floor(Number(message.ts) * 1000));
    expect((await h.events('message_promoted')).map((event) => event.messageId)).toEqual([message.ts]);
  });

  it('says so when "Add to timeline" is used outside an incident channel', async () => {
    h = await startSlackHarness();
    const message = h.fake.workspace.addMessage(FAKE_IDS.general, { text: 'lunch?', user: FAKE_IDS.carol });
    await h.interaction(
      shortcutPayload(h.fake, {
        callback_id: 'add_to_timeline',
        channel_id: FAKE_IDS.general,
        message: { ...message },
      }),
    );
    const answer = await h.fake.waitForResponseUrlPost();
    expect(answer.body?.text).toContain('has no incident');
  });
});
