import { afterEach, describe, expect, it } from 'vitest';
import { FAKE_IDS, humanMessage, slashCommandPayload } from '../../fakes/slack/index.ts';
import { type SlackHarness, startSlackHarness } from './slack-harness.ts';

let h: SlackHarness | undefined;
afterEach(async () => {
  expect(h?.fake.specViolations()).toEqual([]);
  await h?.close();
  h = undefined;
});

async function declared(mode: 'http' | 'socket'): Promise<{ harness: SlackHarness; channel: string }> {
  const harness = await startSlackHarness({ mode });
  h = harness;
  await harness.command('start sev2 checkout errors');
  await harness.settle();
  return { harness, channel: (await harness.incident()).channel?.id as string };
}

describe.each(['http', 'socket'] as const)('Slack redelivering the same event (%s mode)', (mode) => {
  it('records a message once when retries arrive while the first delivery is still running', async () => {
    const { harness, channel } = await declared(mode);
    const said = humanMessage(harness.fake.workspace, {
      channel,
      user: FAKE_IDS.bob,
      text: 'error rate 30%',
    });
    const deliveries = await Promise.all([
      harness.event(said, { eventId: 'Ev0RETRY01' }),
      harness.event(said, { eventId: 'Ev0RETRY01', retryNum: 1 }),
      harness.event(said, { eventId: 'Ev0RETRY01', retryNum: 2 }),
    ]);
    expect(deliveries.every((delivery) => delivery.acked)).toBe(true);
    await harness.settle();
    expect(await harness.events('message_captured')).toHaveLength(1);
  });

  it('records an edit once when its event_id comes twice', async () => {
    const { harness, channel } = await declared(mode);
    const said = humanMessage(harness.fake.workspace, { channel, user: FAKE_IDS.bob, text: 'typo' });
    await harness.event(said);
    const edit = {
      type: 'message',
      subtype: 'message_changed',
      channel,
      ts: harness.fake.workspace.nextTs(),
      message: {
        type: 'message',
        user: FAKE_IDS.bob,
        text: 'fixed',
        ts: said.ts,
        edited: { user: FAKE_IDS.bob, ts: harness.fake.workspace.nextTs() },
      },
      previous_message: { type: 'message', user: FAKE_IDS.bob, text: 'typo', ts: said.ts },
    };
    await harness.event(edit, { eventId: 'Ev0EDIT01' });
    await harness.event(edit, { eventId: 'Ev0EDIT01', retryNum: 1 });
    await harness.settle();
    expect(await harness.events('message_edited')).toHaveLength(1);
  });

  it('promotes once for a 📌 delivered twice', async () => {
    const { harness, channel } = await declared(mode);
    const said = humanMessage(harness.fake.workspace, {
      channel,
      user: FAKE_IDS.bob,
      text: 'root cause: expired cert',
    });
    await harness.event(said);
    const pin = {
      type: 'reaction_added',
      user: FAKE_IDS.alice,
      reaction: 'pushpin',
      item: { type: 'message', channel, ts: said.ts },
    };
    await Promise.all([
      harness.event(pin, { eventId: 'Ev0PIN01' }),
      harness.event(pin, { eventId: 'Ev0PIN01', retryNum: 1 }),
    ]);
    await harness.settle();
    expect(await harness.events('message_promoted')).toHaveLength(1);
  });
});

describe('a slash command delivered twice', () => {
  it('declares one incident, not two', async () => {
    const harness = await startSlackHarness({ mode: 'socket' });
    h = harness;
    const payload = slashCommandPayload(harness.fake, { text: 'start sev1 db down' });
    await Promise.all([
      harness.fake.socketMode.sendEnvelope('slash_commands', payload),
      harness.fake.socketMode.sendEnvelope('slash_commands', payload),
    ]);
    await harness.settle();
    expect(
      await harness.app.store.allIncidents({ platform: 'slack', workspace: harness.fake.teamId }),
    ).toHaveLength(1);
    expect(harness.fake.callsTo('conversations.create')).toHaveLength(1);
  });

  it('pages once, not twice', async () => {
    const { harness, channel } = await declared('http');
    const payload = slashCommandPayload(harness.fake, {
      text: `page <@${FAKE_IDS.carol}|carol> db is down`,
      channel_id: channel,
    });
    const sender = (await import('../../fakes/slack/index.ts')).createSlackEventSender({
      url: harness.adapter.eventsUrl ?? '',
      signingSecret: harness.fake.signingSecret,
      context: harness.fake,
    });
    const body = new URLSearchParams(payload).toString();
    await Promise.all([
      sender.sendRaw(body, 'application/x-www-form-urlencoded'),
      sender.sendRaw(body, 'application/x-www-form-urlencoded'),
    ]);
    await harness.settle();
    expect(await harness.events('paged')).toHaveLength(1);
  });
});
