import { afterEach, describe, expect, it } from 'vitest';
import { FakeJira } from '../../fakes/jira/fake-jira.ts';
import {
  closeAll,
  type FollowUpBot,
  JIRA_TOKEN,
  rateLimitOnce,
  retryOf,
  startBot,
  WEBHOOK_SECRET,
} from './follow-ups-harness.ts';

const EMAIL = 'bot@acme.example';
let fake: FakeJira | undefined;
let bot: FollowUpBot | undefined;
afterEach(async () => {
  await closeAll(fake, bot);
  [fake, bot] = [undefined, undefined];
});

async function jiraBot(extra: Record<string, unknown> = {}) {
  fake = await FakeJira.start({ email: EMAIL, token: JIRA_TOKEN });
  bot = await startBot({
    follow_ups: {
      jira: { site: fake.url, email: EMAIL, token: JIRA_TOKEN, project: 'OPS', issue_type: 'Task' },
      webhook_secret: WEBHOOK_SECRET,
      users: { sam: { jira: '5b10ac8d82e05b22cc7d4ef5' } },
      ...extra,
    },
  });
  return { bot, fake };
}

function deliver(b: FollowUpBot, payload: string, secret = WEBHOOK_SECRET, id: string = crypto.randomUUID()) {
  return b.request(`/webhooks/jira?secret=${encodeURIComponent(secret)}`, {
    method: 'POST',
    body: payload,
    headers: { 'content-type': 'application/json', 'x-atlassian-webhook-identifier': id },
  });
}

async function exportedItem() {
  const { bot, fake } = await jiraBot();
  await bot.say('action alert on 502 rate <@sam> due 2026-12-01 priority high');
  await bot.say('action export 1 jira');
  await bot.waitForEvent((event) => event.type === 'follow_up_exported');
  await bot.app.jobs.settle();
  return { bot, fake };
}

describe('exporting an action item to Jira', () => {
  it('creates an issue with an ADF description, the priority, the due date and the assignee', async () => {
    const { bot, fake } = await exportedItem();
    const exported = (await bot.events()).find((event) => event.type === 'follow_up_exported');
    expect(exported).toMatchObject({ system: 'jira', key: 'OPS-1', url: `${fake.url}/browse/OPS-1` });
    const [create] = fake.creates();
    expect(create?.json).toMatchObject({
      fields: {
        project: { key: 'OPS' },
        issuetype: { name: 'Task' },
        summary: 'alert on 502 rate',
        priority: { name: 'High' },
        duedate: '2026-12-01',
        assignee: { accountId: '5b10ac8d82e05b22cc7d4ef5' },
        description: { type: 'doc', version: 1 },
      },
    });
    expect(JSON.stringify(create?.json)).toContain('From incident ');
    expect(fake.specProblems).toEqual([]);
  });

  it('retries after a 429, waiting what Retry-After asks', async () => {
    fake = await FakeJira.start({ email: EMAIL, token: JIRA_TOKEN });
    rateLimitOnce(fake.receiver, 429, { errorMessages: ['Rate limit exceeded.'] });
    bot = await startBot({
      follow_ups: {
        jira: { site: fake.url, email: EMAIL, token: JIRA_TOKEN, project: 'OPS' },
        auto_export: true,
      },
    });
    await bot.say('action alert on 502 rate');
    await bot.waitForEvent((event) => event.type === 'follow_up_exported');
    expect(retryOf(fake.creates())).toEqual({ statuses: [429, 201], waited: true });
    expect(bot.said.join('\n')).toContain(
      'Jira answered HTTP 429 while creating the Jira issue: Rate limit exceeded. Retrying.',
    );
  });
});

describe('the Jira webhook', () => {
  it('marks the item done when the issue moves to a done status, and open again when it moves back', async () => {
    const { bot, fake } = await exportedItem();
    expect((await deliver(bot, fake.transition('OPS-1', 'done'))).status).toBe(200);
    expect((await bot.state()).actionItems[0]?.done?.by).toEqual({
      id: 'jira:Mia Krystof',
      name: 'Mia Krystof (Jira)',
    });
    expect((await deliver(bot, fake.transition('OPS-1', 'indeterminate'))).status).toBe(200);
    expect((await bot.state()).actionItems[0]?.done).toBeUndefined();
  });

  it('refuses a wrong secret and a stale delivery with 401 and writes nothing', async () => {
    const { bot, fake } = await exportedItem();
    const before = await bot.events();
    const wrong = await deliver(bot, fake.transition('OPS-1', 'done'), 'guessed');
    const stale = await deliver(bot, fake.transition('OPS-1', 'done', Date.parse('2020-01-01T00:00:00Z')));
    const missing = await bot.request('/webhooks/jira', {
      method: 'POST',
      body: fake.transition('OPS-1', 'done'),
    });
    expect([wrong.status, stale.status, missing.status]).toEqual([401, 401, 401]);
    expect(await bot.events()).toEqual(before);
  });

  it('writes a redelivery once', async () => {
    const { bot, fake } = await exportedItem();
    const payload = fake.transition('OPS-1', 'done');
    await deliver(bot, payload, WEBHOOK_SECRET, 'delivery-1');
    await bot.say('action reopen 1');
    expect((await deliver(bot, payload, WEBHOOK_SECRET, 'delivery-1')).status).toBe(202);
    expect((await bot.state()).actionItems[0]?.done).toBeUndefined();
  });
});
