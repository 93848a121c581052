import { afterEach, describe, expect, it } from 'vitest';
import { FAKE_IDS } from '../../fakes/slack/index.ts';
import { testConfig } from '../../support/test-app.ts';
import { type SlackHarness, startSlackHarness } from './slack-harness.ts';

let h: SlackHarness | undefined;
afterEach(async () => {
  expect(h?.fake.specViolations()).toEqual([]);
  await h?.close();
  h = undefined;
});

function answer(harness: SlackHarness, includes: string) {
  return harness.fake.waitForResponseUrlPost((post) => String(post.body?.text).includes(includes));
}

function channelNames(harness: SlackHarness): string[] {
  return [...harness.fake.workspace.channels.values()].map((channel) => channel.name);
}

describe('severity words typed in Slack', () => {
  it('opens a SEV1 called "db down" for /incident start SEV 1 db down', async () => {
    h = await startSlackHarness();
    await h.command('start SEV 1 db down', { channel_id: FAKE_IDS.general });
    const declared = await answer(h, 'INC-1 declared');
    expect(declared.body?.text).toContain('INC-1 declared: SEV1 db down.');
    await h.settle();
    expect(await h.incident()).toMatchObject({ severity: 'SEV1', title: 'db down' });
    expect(channelNames(h)).toContain('inc-1-db-down');
  });

  it('opens a SEV1 for /incident start critical payments down', async () => {
    h = await startSlackHarness();
    await h.command('start critical payments down', { channel_id: FAKE_IDS.general });
    expect((await answer(h, 'INC-1 declared')).body?.text).toContain('INC-1 declared: SEV1 payments down.');
  });

  // Slack mrkdwn escapes < and > as &lt; &gt;, so the usage shows as typed.
  it('refuses /incident start sev10 x privately with the valid list and the usage', async () => {
    h = await startSlackHarness();
    await h.command('start sev10 x', { channel_id: FAKE_IDS.general });
    const refused = await answer(h, 'is not a severity');
    expect(refused.body).toMatchObject({ response_type: 'ephemeral' });
    expect(refused.body?.text).toBe(
      '"sev10" is not a severity. Use one of sev1, sev2, sev3, sev4 (SEV-1 and SEV 1 work too), ' +
        'or critical, high, medium, low, p1, p2, p3, p4.\nUsage: /incident start [private] [sev1|sev2|sev3|sev4] &lt;title&gt;',
    );
  });

  it('writes nothing and opens no channel for /incident start sev10 x', async () => {
    h = await startSlackHarness();
    const before = channelNames(h);
    await h.command('start sev10 x', { channel_id: FAKE_IDS.general });
    await answer(h, 'is not a severity');
    await h.settle();
    expect(await h.app.store.allIncidents({ platform: 'slack', workspace: h.fake.teamId })).toEqual([]);
    expect(channelNames(h)).toEqual(before);
  });

  it('reads an alias from the YAML config', async () => {
    h = await startSlackHarness({ config: testConfig({ severity_aliases: { Urgent: 'sev-1' } }) });
    await h.command('start urgent db down', { channel_id: FAKE_IDS.general });
    expect((await answer(h, 'INC-1 declared')).body?.text).toContain('INC-1 declared: SEV1 db down.');
  });

  it('raises an incident to SEV1 with /incident sev SEV 1', async () => {
    h = await startSlackHarness();
    await h.command('start sev3 db slow', { channel_id: FAKE_IDS.general });
    await h.settle();
    const channel = (await h.incident()).channel?.id as string;
    await h.command('sev SEV 1 all replicas down', { channel_id: channel });
    expect((await answer(h, 'Severity raised')).body?.text).toBe(
      'Severity raised: SEV3 → SEV1 (all replicas down)',
    );
  });
});
