import { afterEach, describe, expect, it } from 'vitest';
import { FakeGithub } from '../../fakes/github/fake-github.ts';
import { FakeJira } from '../../fakes/jira/fake-jira.ts';
import { FakeStatuspage } from '../../fakes/statuspage/fake-statuspage.ts';
import {
  type FollowUpBot,
  GITHUB_TOKEN,
  JIRA_TOKEN,
  STATUSPAGE_KEY,
  startBot,
  WEBHOOK_SECRET,
} from './follow-ups-harness.ts';

const EMAIL = 'bot@acme.example';
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

/** Everything tocsin wrote anywhere: log lines, the log, what it said, BullMQ's failure records. */
async function everythingWritten(bot: FollowUpBot): Promise<string> {
  const failed = await bot.app.jobs.queue.getFailed();
  const delayed = await bot.app.jobs.queue.getDelayed();
  const jobs = [...failed, ...delayed].map((job) =>
    JSON.stringify({ reason: job.failedReason, stack: job.stacktrace, data: job.data }),
  );
  return [...bot.logLines, JSON.stringify(await bot.events()), ...bot.said, ...jobs].join('\n');
}

describe('follow-up credentials', () => {
  it('never appear in logs, events, channel messages or job records, even when the services refuse them', async () => {
    const github = await FakeGithub.start({ token: 'ghp_the-token-github-expects-0000000000' });
    const jira = await FakeJira.start({ email: EMAIL, token: 'the-token-jira-expects' });
    const statuspage = await FakeStatuspage.start({ apiKey: 'the-key-statuspage-expects', pageId: 'abc123' });
    const bot = await startBot({
      follow_ups: {
        github: { repo: 'acme/platform', token: GITHUB_TOKEN, api_url: github.url },
        jira: { site: jira.url, email: EMAIL, token: JIRA_TOKEN, project: 'OPS' },
        webhook_secret: WEBHOOK_SECRET,
      },
      status_page: { statuspage: { page_id: 'abc123', api_key: STATUSPAGE_KEY, api_url: statuspage.apiUrl } },
    });
    closers.push(
      () => github.close(),
      () => jira.close(),
      () => statuspage.close(),
      () => bot.dispose(),
    );
    await bot.say('action alert on 502 rate');
    await bot.say('action export 1 github');
    await bot.say('action export 1 jira');
    await bot.say('status identified --public A fix is rolling out.');
    await bot.waitForEvent((event) => event.type === 'follow_up_failed' && event.system === 'jira');
    await bot.waitForEvent((event) => event.type === 'follow_up_failed' && event.system === 'github');
    await bot.app.jobs.settle();
    await bot.request(`/webhooks/jira?secret=${WEBHOOK_SECRET.slice(0, -1)}x`, {
      method: 'POST',
      body: '{}',
    });
    const written = await everythingWritten(bot);
    expect(written).toContain('HTTP 401');
    const basic = Buffer.from(`${EMAIL}:${JIRA_TOKEN}`).toString('base64');
    for (const secret of [GITHUB_TOKEN, JIRA_TOKEN, basic, WEBHOOK_SECRET, STATUSPAGE_KEY])
      expect(written).not.toContain(secret);
  });

  it('never appear when a service cannot be reached at all', async () => {
    const bot = await startBot({
      follow_ups: {
        jira: { site: 'http://127.0.0.1:9', email: EMAIL, token: JIRA_TOKEN, project: 'OPS' },
        auto_export: 'jira',
      },
    });
    closers.push(() => bot.dispose());
    await bot.say('action alert on 502 rate');
    const failed = await bot.waitForEvent((event) => event.type === 'follow_up_failed');
    expect(failed).toMatchObject({
      reason: 'Jira could not be reached while creating the Jira issue',
      final: false,
    });
    const written = await everythingWritten(bot);
    expect(written).not.toContain(JIRA_TOKEN);
    expect(written).not.toContain(Buffer.from(`${EMAIL}:${JIRA_TOKEN}`).toString('base64'));
  });
});
