import { afterEach, describe, expect, it } from 'vitest';
import { renderSummary } from '../../../adapters/slack/render-summary.ts';
import { TimelineBuilder } from '../../../src/core/timeline/build-timeline.ts';
import { FakeGithub, signPayload } from '../../fakes/github/fake-github.ts';
import {
  closeAll,
  type FollowUpBot,
  GITHUB_TOKEN,
  rateLimitOnce,
  retryOf,
  startBot,
  WEBHOOK_SECRET,
} from './follow-ups-harness.ts';

let fake: FakeGithub | undefined;
let bot: FollowUpBot | undefined;
afterEach(async () => {
  await closeAll(fake, bot);
  [fake, bot] = [undefined, undefined];
});

async function githubBot(
  extra: Record<string, unknown> = {},
): Promise<{ bot: FollowUpBot; fake: FakeGithub }> {
  fake = await FakeGithub.start({ token: GITHUB_TOKEN });
  bot = await startBot({
    follow_ups: {
      github: { repo: 'acme/platform', token: GITHUB_TOKEN, labels: ['incident'], api_url: fake.url },
      webhook_secret: WEBHOOK_SECRET,
      users: { sam: { github: 'sam-gh' } },
      ...extra,
    },
  });
  return { bot, fake };
}

async function exported(b: FollowUpBot) {
  return b.waitForEvent((event) => event.type === 'follow_up_exported');
}

async function deliver(b: FollowUpBot, payload: string, headers: Record<string, string> = {}) {
  return b.request('/webhooks/github', {
    method: 'POST',
    body: payload,
    headers: {
      'content-type': 'application/json',
      'x-github-event': 'issues',
      'x-github-delivery': crypto.randomUUID(),
      'x-hub-signature-256': await signPayload(WEBHOOK_SECRET, payload),
      ...headers,
    },
  });
}

describe('exporting an action item to GitHub', () => {
  it('creates an issue with the owner as assignee, the priority as a label and a link back', async () => {
    const { bot, fake } = await githubBot();
    await bot.say('action alert on 502 rate <@sam> due 2026-12-01 priority high');
    expect(await bot.say('action export 1 github')).toBe(
      'Exporting action item A1 to GitHub: alert on 502 rate',
    );
    const event = await exported(bot);
    expect(event).toMatchObject({
      itemId: 'A1',
      system: 'github',
      key: 'acme/platform#1',
      url: 'https://github.com/acme/platform/issues/1',
    });
    const [create] = fake.creates();
    expect(create?.path).toBe('/repos/acme/platform/issues');
    expect(create?.json).toMatchObject({
      title: 'alert on 502 rate',
      labels: ['incident', 'priority: high'],
      assignees: ['sam-gh'],
    });
    const body = String((create?.json as { body?: string } | undefined)?.body);
    expect(body).toContain('From incident INC-1 (SEV2): checkout errors');
    expect(body).toContain('Due: 2026-12-01');
    expect(fake.specProblems).toEqual([]);
  });

  it('shows the ticket on the action item, and refuses to export it twice', async () => {
    const { bot, fake } = await githubBot();
    await bot.say('action write the failover runbook');
    await bot.say('action export 1 github');
    await exported(bot);
    expect((await bot.state()).actionItems[0]?.tickets).toEqual([
      { system: 'github', key: 'acme/platform#1', url: 'https://github.com/acme/platform/issues/1' },
    ]);
    expect(await bot.say('action export 1 github')).toContain(
      'Action item A1 is already GitHub ticket acme/platform#1: https://github.com/acme/platform/issues/1',
    );
    expect(fake.creates()).toHaveLength(1);
  });

  it('shows the ticket in the summary, the timeline and the postmortem draft', async () => {
    const { bot } = await githubBot();
    await bot.say('action write the failover runbook');
    await bot.say('action export 1 github');
    await exported(bot);
    const url = 'https://github.com/acme/platform/issues/1';
    const summary = JSON.stringify(renderSummary(await bot.state(), (text) => text).blocks);
    expect(summary).toContain(`<${url}|acme/platform#1>`);
    const timeline = new TimelineBuilder();
    for (const event of await bot.events()) timeline.add(event);
    expect(timeline.build().map((entry) => entry.text)).toContain(
      `Action item A1 exported to acme/platform#1: ${url}`,
    );
    const draft = await bot.app.services.postmortems.render(bot.ref, undefined);
    expect(draft.content).toContain(`[acme/platform#1](${url})`);
  });

  it('exports every new action item once with auto_export', async () => {
    const { bot, fake } = await githubBot({ auto_export: true });
    await bot.say('action alert on 502 rate');
    await bot.say('action write the failover runbook');
    await bot.waitForEvent((event) => event.type === 'follow_up_exported' && event.itemId === 'A2');
    await bot.app.jobs.settle();
    expect(
      fake
        .creates()
        .map((request) => (request.json as { title: string }).title)
        .sort(),
    ).toEqual(['alert on 502 rate', 'write the failover runbook']);
  });

  it('refuses a system that is not configured, saying what to add, and writes nothing', async () => {
    const { bot } = await githubBot();
    await bot.say('action alert on 502 rate');
    const before = (await bot.events()).length;
    expect(await bot.say('action export 1 jira')).toContain(
      'Jira is not configured: add follow_ups.jira to the config',
    );
    expect(await bot.events()).toHaveLength(before);
  });

  it('waits out a secondary rate limit (403 with retry-after) and then creates the issue', async () => {
    const { bot, fake } = await githubBot();
    rateLimitOnce(fake.receiver, 403, { message: 'You have exceeded a secondary rate limit.' });
    await bot.say('action alert on 502 rate');
    await bot.say('action export 1 github');
    await exported(bot);
    // The first request (the look for an issue made before) meets the limit; then it goes through.
    expect(retryOf(fake.receiver.requests)).toEqual({ statuses: [403, 200], waited: true });
    expect(fake.creates().map((request) => request.status)).toEqual([201]);
    expect(bot.said.join('\n')).toContain(
      'Exporting action item A1 to GitHub failed: GitHub answered HTTP 403',
    );
  });

  it('does not create a second issue when the answer to the first was lost', async () => {
    const { bot, fake } = await githubBot();
    fake.loseNextCreateAnswer();
    await bot.say('action alert on 502 rate');
    await bot.say('action export 1 github');
    expect(await exported(bot)).toMatchObject({ key: 'acme/platform#1' });
    expect(fake.issues.size).toBe(1);
    expect(fake.creates()).toHaveLength(1);
  });

  it('says in the channel when GitHub refuses the export for good, and keeps the item exportable', async () => {
    const { bot, fake } = await githubBot();
    fake.receiver.answerNext({ status: 404, body: { message: 'Not Found' } });
    await bot.say('action alert on 502 rate');
    await bot.say('action export 1 github');
    const failed = await bot.waitForEvent((event) => event.type === 'follow_up_failed');
    expect(failed).toMatchObject({ itemId: 'A1', system: 'github', status: 404, final: true });
    expect(bot.said.join('\n')).toContain('try again with /incident action export 1 github');
    await bot.say('action export 1 github');
    await exported(bot);
    expect(fake.receiver.requests.map((request) => request.status)).toEqual([404, 200, 201]);
  });
});

describe('the GitHub webhook', () => {
  async function exportedItem() {
    const { bot, fake } = await githubBot();
    await bot.say('action alert on 502 rate');
    await bot.say('action export 1 github');
    await exported(bot);
    await bot.app.jobs.settle();
    return { bot, fake };
  }

  it('marks the action item done when its issue is closed, as GitHub', async () => {
    const { bot, fake } = await exportedItem();
    const response = await deliver(bot, fake.setState('acme/platform', 1, 'closed', 'octocat'));
    expect(response.status).toBe(200);
    const item = (await bot.state()).actionItems[0];
    expect(item?.done?.by).toEqual({ id: 'github:octocat', name: 'octocat (GitHub)' });
    expect(bot.said.join('\n')).toContain(
      'Action item A1 done: GitHub acme/platform#1 was closed by octocat.',
    );
  });

  it('opens the action item again when its issue is reopened', async () => {
    const { bot, fake } = await exportedItem();
    await deliver(bot, fake.setState('acme/platform', 1, 'closed'));
    await deliver(bot, fake.setState('acme/platform', 1, 'reopened'));
    expect((await bot.state()).actionItems[0]?.done).toBeUndefined();
    expect((await bot.events()).filter((event) => event.type === 'action_reopened')).toHaveLength(1);
  });

  it('writes a redelivered close once', async () => {
    const { bot, fake } = await exportedItem();
    const payload = fake.setState('acme/platform', 1, 'closed');
    const headers = { 'x-github-delivery': '72d3162e-cc78-11e3-81ab-4c9367dc0958' };
    expect((await deliver(bot, payload, headers)).status).toBe(200);
    await bot.say('action reopen 1');
    expect((await deliver(bot, payload, headers)).status).toBe(202);
    expect((await bot.events()).filter((event) => event.type === 'action_done')).toHaveLength(1);
    expect((await bot.state()).actionItems[0]?.done).toBeUndefined();
  });

  it('refuses a wrong signature, a missing one and a stale delivery with 401, writing and logging nothing', async () => {
    const { bot, fake } = await exportedItem();
    const before = await bot.events();
    const lines = bot.logLines.length;
    const payload = fake.setState('acme/platform', 1, 'closed');
    const wrong = await deliver(bot, payload, {
      'x-hub-signature-256': await signPayload('not-the-secret', payload),
    });
    const unsigned = await bot.request('/webhooks/github', {
      method: 'POST',
      body: payload,
      headers: { 'x-github-event': 'issues' },
    });
    const old = JSON.parse(payload) as { issue: { updated_at: string } };
    old.issue.updated_at = '2020-01-01T00:00:00Z';
    const stale = await deliver(bot, JSON.stringify(old));
    expect([wrong.status, unsigned.status, stale.status]).toEqual([401, 401, 401]);
    expect(await wrong.text()).toBe('unauthorized\n');
    expect(await bot.events()).toEqual(before);
    expect(bot.logLines.slice(lines).join('')).not.toContain('acme/platform');
  });

  it('refuses a body larger than any issues event with 413, writing nothing', async () => {
    const { bot } = await exportedItem();
    const before = await bot.events();
    const response = await deliver(
      bot,
      JSON.stringify({ action: 'closed', padding: 'x'.repeat(2 * 1024 * 1024) }),
    );
    expect(response.status).toBe(413);
    expect(await bot.events()).toEqual(before);
  });

  it('ignores a ticket tocsin did not export', async () => {
    const { bot, fake } = await exportedItem();
    fake.issues.set('acme/platform#9', {
      ...(fake.issues.get('acme/platform#1') as NonNullable<ReturnType<typeof fake.issues.get>>),
      number: 9,
    });
    const response = await deliver(bot, fake.setState('acme/platform', 9, 'closed'));
    expect(response.status).toBe(202);
    expect((await bot.state()).actionItems[0]?.done).toBeUndefined();
  });
});
