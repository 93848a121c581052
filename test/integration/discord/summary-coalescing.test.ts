import { afterEach, describe, expect, it } from 'vitest';
import { SUMMARY_INTERVAL_MS } from '../../../src/jobs/handlers/refresh-summary.ts';
import type { FakeMessage } from '../../fakes/discord/index.ts';
import { DiscordTestBot } from './discord-test-bot.ts';

let bot: DiscordTestBot | undefined;
afterEach(async () => {
  const problems = bot?.protocolProblems();
  await bot?.dispose();
  bot = undefined;
  expect(problems ?? []).toEqual([]);
});

const NOTES = 50;

describe('the pinned Discord summary under a burst of notes', () => {
  it('is edited at most about once a second, and ends on the last change', async () => {
    const current = await DiscordTestBot.start({ summaryIntervalMs: SUMMARY_INTERVAL_MS });
    bot = current;
    await current.slash('start', { severity: 'sev3', title: 'Checkout returns 502' });
    const channel = current.channelNamed('inc-1-');
    const summary = current.fake.state.messages.pins(channel.id)[0] as FakeMessage;
    const edits = () =>
      current.fake.rest.requestsTo('PATCH', `/channels/${channel.id}/messages/${summary.id}`).length;
    const before = edits();
    const started = Date.now();

    // All at once, as a busy channel sends them; each is answered before the last change is made.
    const burst = Array.from({ length: NOTES }, (_, index) =>
      current.fake.gateway.slashCommand({
        name: 'incident',
        subcommand: 'note',
        options: { text: `burst note ${index}` },
        channelId: channel.id,
      }),
    );
    await Promise.all(
      burst.map((built) =>
        current.fake.rest.waitForRequest('POST', '/interactions/:id/:token/callback', {
          where: (request) => request.path.includes(built.id),
          timeoutMs: 20_000,
        }),
      ),
    );
    await current.slash('sev', { severity: 'sev1' }, { channelId: channel.id });
    const elapsedSeconds = (Date.now() - started) / 1000;

    const count = edits() - before;
    // Without coalescing this is one edit per note (or per reactor batch), far above the bound.
    expect(count).toBeGreaterThanOrEqual(1);
    expect(count).toBeLessThanOrEqual(Math.ceil(elapsedSeconds) + 1);
    const pinned = current.fake.state.messages.pins(channel.id)[0] as FakeMessage;
    expect((pinned.embeds[0] as { title: string }).title).toContain('SEV1');
    expect((await current.events(1)).filter((event) => event.type === 'note_added')).toHaveLength(NOTES);
  });
});
