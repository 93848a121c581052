import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockActionsPayload, FAKE_IDS } from '../../fakes/slack/index.ts';
import { SECRET_SAMPLES } from '../../fixtures/secret-corpus.ts';
import { asTitle, leakedSamples } from '../../support/secret-leaks.ts';
import { testConfig } from '../../support/test-app.ts';
import { buttonsOf, pinnedSummary, type SlackHarness, startSlackHarness } from './slack-harness.ts';

/**
 * Someone declares an incident with a secret in its title, once for every secret of the corpus.
 * Whatever Slack shows for it (the channel's name and topic, the announcement, the summary, the
 * severity form) and whatever tocsin logs about it must not carry the secret.
 */
const { alice, general } = FAKE_IDS;
const TITLE_LIMIT = 150;
const titles = SECRET_SAMPLES.map((sample) => asTitle(sample.line).slice(0, TITLE_LIMIT));

let h: SlackHarness;
const incidentChannels: string[] = [];

beforeAll(async () => {
  h = await startSlackHarness({
    config: testConfig({ slack: { announce_channel: general }, rate_limits: { declare_per_user: 0 } }),
    logLevel: 'trace',
  });
  for (const title of titles) {
    await h.command(`start sev2 ${title}`, { user_id: alice, channel_id: general });
  }
  await h.settle();
  for (let number = 1; number <= titles.length; number++) {
    const channel = (await h.incident(number)).channel?.id;
    if (channel) incidentChannels.push(channel);
  }
}, 120_000);
afterAll(async () => h?.close());

const channelNames = () => h.fake.callsTo('conversations.create').map((call) => String(call.params.name));

describe('a secret in an incident title, in Slack', () => {
  it('every title of the corpus opened its own channel', () => {
    expect(incidentChannels).toHaveLength(titles.length);
  });

  it('names no channel', () => {
    expect(leakedSamples(channelNames(), SECRET_SAMPLES)).toEqual([]);
  });

  it('is not in any channel topic or purpose', () => {
    const channels = incidentChannels.map((id) => h.fake.workspace.channels.get(id));
    const shown = channels.flatMap((channel) => [channel?.topic ?? '', channel?.purpose ?? '']);
    const calls = [
      ...h.fake.callsTo('conversations.setTopic'),
      ...h.fake.callsTo('conversations.setPurpose'),
    ];
    expect(
      leakedSamples([...shown, ...calls.map((call) => JSON.stringify(call.params))], SECRET_SAMPLES),
    ).toEqual([]);
  });

  it('is not in the announcements', () => {
    const announcements = h.fake.workspace.topLevel(general).map((message) => JSON.stringify(message));
    expect(announcements.filter((text) => text.includes(':rotating_light:'))).toHaveLength(titles.length);
    expect(leakedSamples(announcements, SECRET_SAMPLES)).toEqual([]);
  });

  it('is not in the pinned summaries', () => {
    const summaries = incidentChannels.map((channel) => JSON.stringify(pinnedSummary(h, channel)));
    expect(leakedSamples(summaries, SECRET_SAMPLES)).toEqual([]);
  });

  it('is not in the severity form opened from the summary', async () => {
    for (const channel of incidentChannels) {
      const summary = pinnedSummary(h, channel);
      const button = buttonsOf(summary).get('Change severity');
      await h.interaction(
        blockActionsPayload(h.fake, {
          actions: [{ action_id: button?.action_id ?? '', value: button?.value ?? '' }],
          channel_id: channel,
          user_id: alice,
          message: { ...summary },
        }),
      );
    }
    await h.settle();
    const views = h.fake.callsTo('views.open').map((call) => JSON.stringify(call.params.view));
    expect(views).toHaveLength(incidentChannels.length);
    expect(views.every((view) => view.includes('[REDACTED:'))).toBe(true);
    expect(leakedSamples(views, SECRET_SAMPLES)).toEqual([]);
  });

  it('is in no other Web API call and no reply', () => {
    const sent = [
      ...h.fake.calls.map((call) => JSON.stringify(call.params)),
      ...h.fake.responseUrlPosts.map((post) => JSON.stringify(post.body)),
    ];
    expect(leakedSamples(sent, SECRET_SAMPLES)).toEqual([]);
  });

  it('is in no log line, even at trace level', () => {
    expect(h.logs.length).toBeGreaterThan(0);
    expect(leakedSamples(h.logs, SECRET_SAMPLES)).toEqual([]);
  });
});

describe('the title from the bug report', () => {
  it('names the channel without the password: inc-<n>-db-password-redacted-secret-assignment-exposed', async () => {
    const number = titles.length + 1;
    await h.command('start sev2 db password=Hunter2Secret99 exposed', {
      user_id: alice,
      channel_id: general,
    });
    await h.settle();
    const name = (await h.incident(number)).channel?.name;
    expect(name).toBe(`inc-${number}-db-password-redacted-secret-assignment-exposed`);
    expect(channelNames().join(' ')).not.toContain('hunter2secret99');
  });
});
