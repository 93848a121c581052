import { afterEach, describe, expect, it } from 'vitest';
import { DiscordTestBot } from './discord-test-bot.ts';

let bot: DiscordTestBot;

afterEach(async () => {
  await bot?.dispose();
});

/** Alice holds the on-call role (a responder); Bob is only a member. */
async function startTight(): Promise<string> {
  bot = await DiscordTestBot.start({
    config: (ids) => ({
      discord: { responders: [ids.oncallRoleId] },
      permissions: { resolve: ['commander'], severity: ['responders'] },
    }),
  });
  await bot.slash('start', { severity: 'sev2', title: 'Login storms' });
  return bot.channelNamed('inc-1-').id;
}

describe('a permission policy in Discord', () => {
  it('refuses a non-commander’s resolve privately, naming the rule, and the incident stays open', async () => {
    const channelId = await startTight();
    const built = await bot.slash('resolve', {}, { channelId, userId: bot.ids.bobId });
    expect(bot.privateReplies(built).join('\n')).toContain(
      'You may not run /incident resolve in INC-1: the permissions.resolve rule allows the commander only.',
    );
    const events = await bot.events(1);
    expect(events.some((event) => event.type === 'resolved')).toBe(false);
    expect(events.filter((event) => event.type === 'permission_denied')).toMatchObject([
      { command: 'resolve', actor: { id: bot.ids.bobId } },
    ]);
  });

  it('counts a member holding a responders role as a responder', async () => {
    const channelId = await startTight();
    await bot.slash('sev', { severity: 'sev1' }, { channelId, userId: bot.ids.aliceId });
    const events = await bot.events(1);
    expect(events.filter((event) => event.type === 'severity_changed')).toMatchObject([{ to: 'SEV1' }]);
  });

  it('refuses a severity change from a member without the role', async () => {
    const channelId = await startTight();
    const built = await bot.slash('sev', { severity: 'sev1' }, { channelId, userId: bot.ids.bobId });
    expect(bot.privateReplies(built).join('\n')).toContain(
      'the permissions.severity rule allows the responders only',
    );
    expect((await bot.events(1)).some((event) => event.type === 'severity_changed')).toBe(false);
  });
});
