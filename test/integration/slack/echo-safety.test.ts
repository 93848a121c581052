import { afterEach, describe, expect, it } from 'vitest';
import { FAKE_IDS } from '../../fakes/slack/index.ts';
import { pinnedSummary, type SlackHarness, slackConfig, startSlackHarness } from './slack-harness.ts';

let h: SlackHarness | undefined;
afterEach(async () => {
  expect(h?.fake.specViolations()).toEqual([]);
  await h?.close();
  h = undefined;
});

const MASS_MENTION = /<!(channel|here|everyone|subteam)/;

async function incidentChannel(harness: SlackHarness): Promise<string> {
  await harness.command('start sev2 checkout errors');
  await harness.settle();
  return (await harness.incident()).channel?.id as string;
}

describe('echoing what people typed', () => {
  it('never pings @channel, @here, @everyone or a user group', async () => {
    h = await startSlackHarness();
    const channel = await incidentChannel(h);
    // As Slack sends it: mass mentions as tokens.
    await h.command('note <!channel> <!here|here> <!everyone> <!subteam^S0ONCALL|@oncall> db down', {
      channel_id: channel,
    });
    const echo = await h.fake.waitForResponseUrlPost((post) => String(post.body?.text).startsWith('Noted'));
    const sent = JSON.stringify(echo.body);
    expect(sent).not.toMatch(MASS_MENTION);
    expect(echo.body?.text).toContain('db down');
  });

  it('escapes &, < and > so that typed markup shows as typed', async () => {
    h = await startSlackHarness();
    const channel = await incidentChannel(h);
    // Slack sends what a person typed with &, < and > as entities.
    await h.command('note latency &gt; 2s &amp; rising, see &lt;b&gt;graph&lt;/b&gt;', {
      channel_id: channel,
    });
    const echo = await h.fake.waitForResponseUrlPost((post) => String(post.body?.text).startsWith('Noted'));
    expect(echo.body?.text).toBe('Noted: latency &gt; 2s &amp; rising, see &lt;b&gt;graph&lt;/b&gt;');
    const [note] = await h.events('note_added');
    expect(note?.text).toBe('latency > 2s & rising, see <b>graph</b>');
  });

  it('keeps mentions of people working', async () => {
    h = await startSlackHarness();
    const channel = await incidentChannel(h);
    await h.command(`note asked <@${FAKE_IDS.bob}|bob> to check the db`, { channel_id: channel });
    const echo = await h.fake.waitForResponseUrlPost((post) => String(post.body?.text).startsWith('Noted'));
    expect(echo.body?.text).toBe(`Noted: asked <@${FAKE_IDS.bob}> to check the db`);
  });

  it('redacts secrets pasted into a note before echoing it', async () => {
    h = await startSlackHarness();
    const channel = await incidentChannel(h);
    await h.command('note rotated token xoxb-1234567890-abcdefghijkl', { channel_id: channel });
    const echo = await h.fake.waitForResponseUrlPost((post) => String(post.body?.text).startsWith('Noted'));
    expect(JSON.stringify(echo.body)).not.toContain('xoxb-1234567890');
    expect(echo.body?.text).toContain('[REDACTED:slack-token]');
  });

  it('does not ping the announce channel through an incident title', async () => {
    h = await startSlackHarness({ config: slackConfig({ announce_channel: FAKE_IDS.general }) });
    await h.command('start sev1 <!here> everything is down');
    await h.settle();
    const channel = (await h.incident()).channel?.id as string;
    const announcement = h.fake.workspace.topLevel(FAKE_IDS.general).find((m) => m.text.includes(channel));
    expect(JSON.stringify(announcement)).not.toMatch(MASS_MENTION);
    expect(JSON.stringify(pinnedSummary(h, channel))).not.toMatch(MASS_MENTION);
    const declared = await h.fake.waitForResponseUrlPost((post) =>
      String(post.body?.text).includes('declared'),
    );
    expect(JSON.stringify(declared.body)).not.toMatch(MASS_MENTION);
  });
});
