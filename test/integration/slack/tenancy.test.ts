import { afterEach, describe, expect, it } from 'vitest';
import { FAKE_IDS } from '../../fakes/slack/index.ts';
import { testConfig } from '../../support/test-app.ts';
import { type SlackHarness, startSlackHarness } from './slack-harness.ts';

let h: SlackHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('which Slack teams tocsin answers in', () => {
  it('refuses a command from a team the config does not list, and touches nothing', async () => {
    h = await startSlackHarness({ config: testConfig({ slack: { allowed_teams: ['T0ELSEWHERE'] } }) });
    await h.command('start sev1 page everyone', { user_id: FAKE_IDS.alice, channel_id: FAKE_IDS.general });
    await h.settle();
    const answer = h.fake.responseUrlPosts.at(-1);
    expect(answer?.body).toMatchObject({ response_type: 'ephemeral' });
    expect(String(answer?.body?.text)).toContain(
      `tocsin does not answer in this workspace (${h.fake.teamId}). Whoever runs tocsin can add it to slack.allowed_teams.`,
    );
    expect(await h.app.store.openIncidents({ platform: 'slack', workspace: h.fake.teamId })).toEqual([]);
    expect(h.fake.callsTo('conversations.create')).toEqual([]);
  });

  it('answers in a listed team', async () => {
    h = await startSlackHarness({ config: testConfig({ slack: { allowed_teams: [FAKE_IDS.team] } }) });
    await h.command('start sev2 checkout errors', { user_id: FAKE_IDS.alice, channel_id: FAKE_IDS.general });
    await h.settle();
    expect((await h.incident()).title).toBe('checkout errors');
  });
});
