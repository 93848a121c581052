import { afterEach, describe, expect, it } from 'vitest';
import { FAKE_IDS } from '../../fakes/slack/index.ts';
import { type SlackHarness, slackConfig, startSlackHarness } from './slack-harness.ts';

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

function ephemeralText(harness: SlackHarness, includes: string) {
  return harness.fake.waitForResponseUrlPost(
    (post) => post.body?.response_type === 'ephemeral' && String(post.body?.text).includes(includes),
  );
}

describe('a command in the wrong place or with bad arguments', () => {
  it('gets an ephemeral answer with the usage, and nothing is written', async () => {
    h = await startSlackHarness();
    await h.command('note rolled back', { channel_id: FAKE_IDS.general });
    const answer = await ephemeralText(h, "works only in an incident's channel");
    expect(answer.body?.text).toContain('Usage: /incident note');
    expect(await h.app.store.allIncidents({ platform: 'slack', workspace: h.fake.teamId })).toEqual([]);
  });

  it('names the problem with a bad argument and leaves the incident as it was', async () => {
    h = await startSlackHarness();
    const channel = await incidentChannel(h);
    await h.command('sev sev9', { channel_id: channel });
    const answer = await ephemeralText(h, 'is not a severity');
    expect(answer.body?.text).toContain('Usage: /incident sev');
    expect((await h.incident()).severity).toBe('SEV2');
  });
});

describe('Slack refusing what tocsin tries', () => {
  it('explains a missing scope for creating the channel to the declarer, and does not retry', async () => {
    h = await startSlackHarness();
    h.fake.failNext('conversations.create', { error: 'missing_scope', needed: 'channels:manage' });
    await h.command('start sev1 db down', { user_id: FAKE_IDS.alice, channel_id: FAKE_IDS.general });
    await h.settle();
    await expect.poll(() => h?.fake.workspace.ephemerals.length).toBe(1);
    const [told] = h.fake.workspace.ephemerals;
    expect(told).toMatchObject({ channel: FAKE_IDS.general, user: FAKE_IDS.alice });
    expect(told?.text).toContain('`channels:manage`');
    expect(told?.text).toContain('reinstalls the app');
    expect(h.fake.callsTo('conversations.create')).toHaveLength(1);
    expect((await h.incident()).channel).toBeUndefined();
  });

  it('explains a missing files:write scope when the postmortem cannot be uploaded', async () => {
    h = await startSlackHarness();
    const channel = await incidentChannel(h);
    h.fake.failNext('files.getUploadURLExternal', { error: 'missing_scope', needed: 'files:write' });
    await h.command('postmortem', { channel_id: channel });
    const answer = await ephemeralText(h, 'missing the `files:write` permission');
    expect(answer.body?.text).toContain('OAuth &amp; Permissions');
    expect(await h.events('postmortem_generated')).toHaveLength(1);
  });

  it('explains being removed from the incident channel, naming /invite', async () => {
    h = await startSlackHarness();
    const channel = await incidentChannel(h);
    const members = h.fake.workspace.channels.get(channel)?.members ?? [];
    members.splice(members.indexOf(FAKE_IDS.botUser), 1);
    await h.command('postmortem', { channel_id: channel });
    const answer = await ephemeralText(h, 'I am not a member of');
    expect(answer.body?.text).toContain('/invite @tocsin');
  });

  it('explains an archived incident channel, naming how to unarchive it', async () => {
    h = await startSlackHarness();
    const channel = await incidentChannel(h);
    const archived = h.fake.workspace.channels.get(channel);
    if (archived) archived.is_archived = true;
    await h.command('postmortem', { channel_id: channel });
    const answer = await ephemeralText(h, 'is archived');
    expect(answer.body?.text).toContain('Unarchive');
  });

  it.each([
    ['its id', FAKE_IDS.random],
    ['its name', '#random'],
  ])(
    'joins a public announce channel it was not in, given by %s, and announces there',
    async (_how, configured) => {
      h = await startSlackHarness({ config: slackConfig({ announce_channel: configured }) });
      const channel = await incidentChannel(h);
      expect(h.fake.callsTo('conversations.join').map((call) => call.params.channel)).toEqual([
        FAKE_IDS.random,
      ]);
      const announced = h.fake.workspace.topLevel(FAKE_IDS.random).map((m) => m.text);
      expect(announced.some((text) => text.includes(`<#${channel}>`))).toBe(true);
    },
  );

  it('says in the incident channel why it could not announce in a private channel it cannot see', async () => {
    h = await startSlackHarness({ config: slackConfig({ announce_channel: FAKE_IDS.hidden }) });
    const channel = await incidentChannel(h);
    const said = h.fake.workspace
      .topLevel(channel)
      .map((m) => m.text)
      .join('\n');
    expect(said).toContain('I could not announce INC-1');
    expect(said).toContain('/invite @tocsin');
  });
});
