import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FAKE_IDS } from '../../fakes/slack/index.ts';
import { launchBrowser, seriousViolations, type TestBrowser } from '../../support/browser.ts';
import { type SlackHarness, slackConfig, startSlackHarness } from '../slack/slack-harness.ts';

const { alice, bob, general } = FAKE_IDS;

let browser: TestBrowser;
let h: SlackHarness | undefined;
// A browser of its own per test: no cookie, cache or kept-alive connection reaches the next one,
// and its processes are gone (the context closed) before the bot it talked to stops.
beforeEach(async () => {
  browser = await launchBrowser();
});
afterEach(async () => {
  await browser.close();
  await h?.close();
  h = undefined;
});

async function harness(): Promise<SlackHarness> {
  h = await startSlackHarness({ config: slackConfig({ announce_channel: general }) });
  return h;
}

/**
 * The sign-in link `/incident web` answered to `user` through Slack. It names WEB_BASE_URL's
 * default address; the harness listens on a port of its own, so the link is followed there.
 */
async function signInLink(harness: SlackHarness, user: string): Promise<string> {
  const before = harness.fake.responseUrlPosts.length;
  await harness.command('web', { user_id: user, channel_id: general });
  await harness.settle();
  const answer = harness.fake.responseUrlPosts
    .slice(before)
    .find((post) => JSON.stringify(post.body).includes('sign-in'));
  expect(answer?.body?.response_type).toBe('ephemeral');
  const link = /https?:\/\/[^\s"<>|\\]+\/web\/sign-in\?code=[\w.-]+/.exec(JSON.stringify(answer?.body))?.[0];
  if (!link) throw new Error(`no sign-in link in ${JSON.stringify(answer?.body)}`);
  const url = new URL(link);
  return new URL(`${url.pathname}${url.search}`, harness.adapter.eventsUrl).toString();
}

async function signedInPage(harness: SlackHarness, user: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(await signInLink(harness, user));
  await page.getByRole('heading', { name: 'Incidents' }).waitFor();
  return page;
}

async function declare(harness: SlackHarness, text: string, user = alice): Promise<string> {
  await harness.command(`start ${text}`, { user_id: user, channel_id: general });
  await harness.settle();
  const incident = await harness.incident();
  return incident.channel?.id ?? '';
}

describe('the web view in Chromium', () => {
  it('signs in with the link from /incident web and lists the incident', async () => {
    const slack = await harness();
    await declare(slack, 'sev2 checkout errors');
    const page = await signedInPage(slack, alice);
    const row = page.getByRole('row', { name: /INC-1/ });
    await expect(row.textContent()).resolves.toContain('checkout errors');
    await expect(row.textContent()).resolves.toContain('SEV2');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('filters the list as a filter changes, and is reachable from the keyboard', async () => {
    const slack = await harness();
    const channel = await declare(slack, 'sev2 checkout errors');
    await slack.command('resolve fixed', { user_id: alice, channel_id: channel });
    await slack.command('start sev3 slow search', { user_id: alice, channel_id: general });
    await slack.settle();
    const page = await signedInPage(slack, alice);
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement.textContent')).toBe('Skip to content');
    await page.getByLabel('Status').selectOption('resolved');
    await page.waitForURL(/status=resolved/);
    const rows = await page.locator('table.incidents tbody tr').allTextContents();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain('checkout errors');
  });

  it('shows a note sent through Slack on the open incident page without a reload', async () => {
    const slack = await harness();
    const channel = await declare(slack, 'sev2 checkout errors');
    const page = await signedInPage(slack, alice);
    await page.getByRole('link', { name: 'INC-1' }).click();
    await page.getByRole('heading', { name: /INC-1: checkout errors/ }).waitFor();
    await slack.command('note rolled back deploy 4411', { user_id: alice, channel_id: channel });
    await page.locator('#timeline li', { hasText: 'rolled back deploy 4411' }).waitFor({ timeout: 2000 });
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('hides a private incident from someone outside its channel', async () => {
    const slack = await harness();
    await declare(slack, 'private sev1 payroll leak');
    await slack.command('start sev3 slow search', { user_id: bob, channel_id: general });
    await slack.settle();
    const page = await signedInPage(slack, bob);
    const body = await page.locator('main').textContent();
    expect(body).toContain('slow search');
    expect(body).not.toContain('payroll leak');
    const direct = await page.goto(new URL('/web/incidents/1', page.url()).toString());
    expect(direct?.status()).toBe(404);
    expect(await page.locator('main').textContent()).not.toContain('payroll leak');
  });

  it('refuses a sign-in link the second time', async () => {
    const slack = await harness();
    const link = await signInLink(slack, alice);
    const page = await browser.newPage();
    expect((await page.goto(link))?.status()).toBe(200);
    await browser.context.clearCookies();
    const again = await page.goto(link);
    expect(again?.status()).toBe(401);
    await page.getByRole('heading', { name: 'This sign-in link cannot be used' }).waitFor();
    expect(await browser.context.cookies()).toEqual([]);
  });

  it('refuses an expired sign-in link', async () => {
    const slack = await harness();
    const link = await signInLink(slack, alice);
    // Ten minutes are Redis's to count: the link's key is made to expire now instead.
    const keys = await slack.app.redis.keys(`${slack.app.prefix}:web:link:*`);
    expect(keys).toHaveLength(1);
    expect(await slack.app.redis.pttl(keys[0] ?? '')).toBeLessThanOrEqual(10 * 60_000);
    await slack.app.redis.pexpire(keys[0] ?? '', 1);
    while ((await slack.app.redis.exists(keys[0] ?? '')) === 1)
      await new Promise((resolve) => setImmediate(resolve));
    const page = await browser.newPage();
    expect((await page.goto(link))?.status()).toBe(401);
    await page.getByRole('heading', { name: 'This sign-in link cannot be used' }).waitFor();
  });

  it('shows the postmortem draft exactly as the Markdown file, and downloads it', async () => {
    const slack = await harness();
    const channel = await declare(slack, 'sev2 checkout errors');
    await slack.command('note rolled back deploy 4411', { user_id: alice, channel_id: channel });
    await slack.command('resolve fixed by rollback', { user_id: alice, channel_id: channel });
    await slack.command('postmortem', { user_id: alice, channel_id: channel });
    await slack.settle();
    const [generated] = await slack.events('postmortem_generated');
    if (!generated) throw new Error('no draft was written');
    const file = await readFile(generated.path, 'utf8');
    const page = await signedInPage(slack, alice);
    await page.goto(new URL(`/web/incidents/1/drafts/${generated.template}`, page.url()).toString());
    expect(await page.locator('#draft').textContent()).toBe(file);
    expect(await seriousViolations(page)).toEqual([]);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download the .md' }).click(),
    ]);
    const saved = await download.path();
    expect(await readFile(saved, 'utf8')).toBe(file);
  });

  it('draws the stats charts with no serious accessibility violation', async () => {
    const slack = await harness();
    await declare(slack, 'sev2 checkout errors');
    const page = await signedInPage(slack, alice);
    await page.getByRole('link', { name: 'Stats' }).click();
    await page.getByRole('heading', { name: 'Stats' }).waitFor();
    expect(await page.locator('svg rect.bar').count()).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
