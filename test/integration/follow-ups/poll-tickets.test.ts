import { afterEach, describe, expect, it } from 'vitest';
import { FakeGithub } from '../../fakes/github/fake-github.ts';
import { FakeJira } from '../../fakes/jira/fake-jira.ts';
import { type FollowUpBot, GITHUB_TOKEN, JIRA_TOKEN, startBot } from './follow-ups-harness.ts';

const EMAIL = 'bot@acme.example';
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function pollingBot() {
  const github = await FakeGithub.start({ token: GITHUB_TOKEN });
  const jira = await FakeJira.start({ email: EMAIL, token: JIRA_TOKEN });
  const bot = await startBot({
    follow_ups: {
      github: { repo: 'acme/platform', token: GITHUB_TOKEN, api_url: github.url },
      jira: { site: jira.url, email: EMAIL, token: JIRA_TOKEN, project: 'OPS' },
      poll: '10m',
    },
  });
  closers.push(
    () => github.close(),
    () => jira.close(),
    () => bot.dispose(),
  );
  await bot.say('action alert on 502 rate');
  await bot.say('action write the failover runbook');
  await bot.say('action export 1 github');
  await bot.say('action export 2 jira');
  await bot.waitForEvent((event) => event.type === 'follow_up_exported' && event.system === 'jira');
  await bot.waitForEvent((event) => event.type === 'follow_up_exported' && event.system === 'github');
  await bot.app.jobs.settle();
  return { bot, github, jira };
}

async function poll(bot: FollowUpBot) {
  await bot.app.jobs.enqueue('follow-ups-poll', {});
  await bot.app.jobs.settle();
}

describe('the ticket poll (follow_ups.poll)', () => {
  it('is scheduled at the configured interval', async () => {
    const { bot } = await pollingBot();
    // Scheduled as the workers start, in the background.
    let scheduler = await bot.app.jobs.queue.getJobScheduler('follow-ups-poll');
    for (let tries = 0; !scheduler && tries < 100; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      scheduler = await bot.app.jobs.queue.getJobScheduler('follow-ups-poll');
    }
    expect(scheduler?.every).toBe(600_000);
  });

  it('closes and reopens the items of tickets changed while no webhook reached the bot', async () => {
    const { bot, github, jira } = await pollingBot();
    github.setState('acme/platform', 1, 'closed');
    jira.transition('OPS-1', 'done');
    await poll(bot);
    expect((await bot.state()).actionItems.map((item) => item.done?.by.name)).toEqual(['GitHub', 'Jira']);
    github.setState('acme/platform', 1, 'reopened');
    await poll(bot);
    await poll(bot);
    expect((await bot.state()).actionItems.map((item) => Boolean(item.done))).toEqual([false, true]);
    expect((await bot.events()).filter((event) => event.type === 'action_reopened')).toHaveLength(1);
  });
});
