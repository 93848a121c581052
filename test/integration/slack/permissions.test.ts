import { afterEach, describe, expect, it } from 'vitest';
import { FAKE_IDS } from '../../fakes/slack/index.ts';
import { testConfig } from '../../support/test-app.ts';
import { type SlackHarness, startSlackHarness } from './slack-harness.ts';

const { alice, bob, carol, general } = FAKE_IDS;

/** The README's recommended policy: the on-call group responds, the commander decides. */
const TIGHT = testConfig({
  slack: { responders: [FAKE_IDS.oncallGroup] },
  permissions: {
    page: ['responders', 'commander'],
    severity: ['commander', 'responders'],
    resolve: ['commander'],
    reopen: ['commander'],
    role: ['commander'],
  },
});

let h: SlackHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function declaredBy(user: string): Promise<string> {
  h = await startSlackHarness({ config: TIGHT });
  await h.command('start sev2 checkout errors', { user_id: user, channel_id: general });
  await h.settle();
  return (await h.incident()).channel?.id as string;
}

function privateAnswers(harness: SlackHarness): string[] {
  return harness.fake.responseUrlPosts
    .filter((post) => post.body?.response_type === 'ephemeral')
    .map((post) => JSON.stringify(post.body));
}

describe('a permission policy in Slack', () => {
  it('refuses a non-responder’s resolve privately, naming the rule, and the incident stays open', async () => {
    const channel = await declaredBy(alice);
    await h?.command('resolve it was me', { user_id: carol, channel_id: channel });
    await h?.settle();
    const harness = h as SlackHarness;
    expect(privateAnswers(harness).at(-1)).toContain(
      'You may not run /incident resolve in INC-1: the permissions.resolve rule allows the commander only.',
    );
    expect((await harness.incident()).status).not.toBe('resolved');
    expect(await harness.events('resolved')).toEqual([]);
  });

  it('records who was refused what, and when, in the incident’s log', async () => {
    const channel = await declaredBy(alice);
    await h?.command('resolve', { user_id: carol, channel_id: channel });
    await h?.settle();
    const denied = await (h as SlackHarness).events('permission_denied');
    expect(denied).toHaveLength(1);
    expect(denied[0]).toMatchObject({ command: 'resolve', rule: 'resolve', actor: { id: carol } });
    expect(Date.parse(denied[0]?.at ?? '')).not.toBeNaN();
  });

  it('lets the commander resolve', async () => {
    const channel = await declaredBy(alice);
    await h?.command('resolve rolled back', { user_id: alice, channel_id: channel });
    await h?.settle();
    expect((await (h as SlackHarness).incident()).status).toBe('resolved');
  });

  it('counts a member of a responders user group as a responder', async () => {
    const channel = await declaredBy(alice);
    await h?.command('sev sev1 spreading to cart', { user_id: bob, channel_id: channel });
    await h?.settle();
    expect((await (h as SlackHarness).incident()).severity).toBe('SEV1');
  });

  it('refuses a severity change from someone outside the group', async () => {
    const channel = await declaredBy(alice);
    await h?.command('sev sev1', { user_id: carol, channel_id: channel });
    await h?.settle();
    const harness = h as SlackHarness;
    expect(privateAnswers(harness).at(-1)).toContain(
      'the permissions.severity rule allows the commander and the responders only',
    );
    expect((await harness.incident()).severity).toBe('SEV2');
  });

  it('says in help who may run each command', async () => {
    await declaredBy(alice);
    await h?.command('help resolve', { user_id: carol, channel_id: general });
    await h?.settle();
    expect(privateAnswers(h as SlackHarness).join('\n')).toContain(
      'Who may run it: the commander (permissions.resolve).',
    );
  });
});
