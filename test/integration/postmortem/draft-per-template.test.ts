import { readdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { draftOf } from '../../fixtures/seeds/replay-seed.ts';
import { type ConsoleSession, createConsoleSession, testConfig } from '../../support/test-app.ts';
import { DiscordTestBot } from '../discord/discord-test-bot.ts';
import { type SlackHarness, startSlackHarness } from '../slack/slack-harness.ts';

let session: ConsoleSession | undefined;
let slack: SlackHarness | undefined;
let discord: DiscordTestBot | undefined;
afterEach(async () => {
  await session?.dispose();
  await slack?.close();
  await discord?.dispose();
  session = slack = discord = undefined;
});

describe('one postmortem file per template', () => {
  it('keeps the report draft when the public write-up is drafted after it', async () => {
    session = createConsoleSession({ config: testConfig() });
    await session.type('/clock 2025-11-20 10:00 UTC', '/as alice', '/incident start sev2 checkout errors');
    const report = await draftOf(session);
    const publicDraft = await draftOf(session, 'public');
    const sre = await draftOf(session, 'sre');
    expect(report.path).toMatch(/\/INC-1-checkout-errors\.md$/);
    expect(publicDraft.path).toMatch(/\/INC-1-checkout-errors\.public\.md$/);
    expect(publicDraft.reply).toMatch(/📎 INC-1-checkout-errors\.public\.md \(\d+ bytes\)/);
    expect(sre.path).toMatch(/\/INC-1-checkout-errors\.sre\.md$/);
    expect(readdirSync(dirname(report.path)).sort()).toEqual([
      'INC-1-checkout-errors.md',
      'INC-1-checkout-errors.public.md',
      'INC-1-checkout-errors.sre.md',
    ]);
    // The report draft is still the report, not the public text written over it.
    expect(readFileSync(report.path, 'utf8')).toBe(report.draft);
    expect(report.draft).toContain('# Post-Incident Report: checkout errors');
  });

  it('uploads the public draft to Slack under the same name as its file', async () => {
    slack = await startSlackHarness();
    await slack.command('start sev2 checkout errors');
    await slack.settle();
    const channel = (await slack.incident()).channel?.id ?? '';
    await slack.command('postmortem public', { channel_id: channel });
    await slack.settle();
    const upload = await slack.fake.waitForCall('files.getUploadURLExternal');
    expect(upload.params.filename).toBe('INC-1-checkout-errors.public.md');
    const [generated] = await slack.events('postmortem_generated');
    expect(generated?.path).toMatch(/\/INC-1-checkout-errors\.public\.md$/);
  });

  it('attaches the public draft in Discord under the same name as its file', async () => {
    discord = await DiscordTestBot.start();
    await discord.slash('start', { severity: 'sev2', title: 'Checkout returns 502' });
    const channel = discord.channelNamed('inc-1-');
    await discord.slash('postmortem', { template: 'public' }, { channelId: channel.id });
    const files = discord
      .botMessages(channel.id)
      .flatMap((message) => message.attachments.map((attachment) => attachment.filename));
    expect(files).toEqual(['INC-1-checkout-returns-502.public.md']);
  });
});
