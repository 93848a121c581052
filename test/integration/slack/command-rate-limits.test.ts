import { afterEach, describe, expect, it } from 'vitest';
import { FAKE_IDS } from '../../fakes/slack/index.ts';
import { testConfig } from '../../support/test-app.ts';
import { type SlackHarness, startSlackHarness } from './slack-harness.ts';

const { alice, bob, carol, general } = FAKE_IDS;

let h: SlackHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

function lastPrivateAnswer(harness: SlackHarness): string {
  const posts = harness.fake.responseUrlPosts.filter((post) => post.body?.response_type === 'ephemeral');
  return String(posts.at(-1)?.body?.text);
}

async function openIncidents(harness: SlackHarness): Promise<number> {
  return (await harness.app.store.openIncidents({ platform: 'slack', workspace: harness.fake.teamId }))
    .length;
}

describe('rate limits on declaring and paging', () => {
  it('refuses the 6th declare by one person within 10 minutes, says when to retry, and opens nothing', async () => {
    h = await startSlackHarness();
    for (let i = 1; i <= 5; i++)
      await h.command(`start sev3 incident ${i}`, { user_id: alice, channel_id: general });
    await h.settle();
    expect(await openIncidents(h)).toBe(5);
    await h.command('start sev3 incident 6', { user_id: alice, channel_id: general });
    await h.settle();
    expect(lastPrivateAnswer(h)).toMatch(
      /^You have reached the limit of 5 in 10m to declare incidents \(rate_limits\.declare_per_user\)\. Try again in (10|9)m; nothing was recorded\./,
    );
    expect(await openIncidents(h)).toBe(5);
    expect(h.fake.callsTo('conversations.create')).toHaveLength(5);
  });

  it('keeps counting each person on their own', async () => {
    h = await startSlackHarness({ config: testConfig({ rate_limits: { declare_per_user: 1 } }) });
    await h.command('start sev3 first', { user_id: alice, channel_id: general });
    await h.command('start sev3 second', { user_id: bob, channel_id: general });
    await h.settle();
    expect(await openIncidents(h)).toBe(2);
  });

  it('does not count a declaration that was refused for bad input', async () => {
    h = await startSlackHarness({ config: testConfig({ rate_limits: { declare_per_user: 1 } }) });
    await h.command('start sev3', { user_id: alice, channel_id: general });
    await h.command('start sev3 a real one', { user_id: alice, channel_id: general });
    await h.settle();
    expect(await openIncidents(h)).toBe(1);
  });

  it('limits pages per workspace across people', async () => {
    h = await startSlackHarness({
      config: testConfig({ rate_limits: { page_per_user: 10, page_per_workspace: 2 } }),
    });
    await h.command('start sev3 checkout errors', { user_id: alice, channel_id: general });
    await h.settle();
    const channel = (await h.incident()).channel?.id as string;
    await h.command(`page <@${carol}> look at checkout`, { user_id: alice, channel_id: channel });
    await h.command(`page <@${carol}> still broken`, { user_id: bob, channel_id: channel });
    await h.command(`page <@${carol}> please`, { user_id: carol, channel_id: channel });
    await h.settle();
    expect(await h.events('paged')).toHaveLength(2);
    expect(lastPrivateAnswer(h)).toContain(
      'This workspace has reached the limit of 2 in 10m to page people (rate_limits.page_per_workspace).',
    );
  });
});
