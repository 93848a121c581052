import { afterEach, describe, expect, it } from 'vitest';
import { type ConsoleSession, createConsoleSession, testConfig } from '../support/test-app.ts';

let session: ConsoleSession;
afterEach(async () => {
  await session?.dispose();
});

async function declared(): Promise<ConsoleSession> {
  session = createConsoleSession();
  await session.type('/clock 2025-11-20 10:00 UTC', '/as alice', '/incident start sev2 checkout errors');
  return session;
}

describe('commands in the console chat', () => {
  it('moves the declarer into the new incident channel', async () => {
    await declared();
    const out = await session.type('/incident note first');
    expect(out).toContain('[#inc-1-checkout-errors] tocsin: Noted: first');
  });

  it('refuses an incident command outside an incident channel, says why, and writes nothing', async () => {
    await declared();
    const out = await session.type('/join general', '/incident note nothing here');
    expect(out).toContain('(only visible to you)');
    expect(out).toContain("works only in an incident's channel");
    const events = await session.app.store.read({ platform: 'console', workspace: 'local', number: 1 });
    expect(events.some((event) => event.type === 'note_added')).toBe(false);
  });

  it('answers an unknown subcommand with the usage of the closest command', async () => {
    session = createConsoleSession();
    const out = await session.type('/incident strat sev1 db down');
    expect(out).toContain('There is no command "strat". Did you mean start?');
    expect(out).toContain('Usage: /incident start [private] [sev1|sev2|sev3|sev4] <title>');
  });

  it('answers a malformed command with its usage', async () => {
    await declared();
    const out = await session.type('/incident status fixed');
    expect(out).toContain('"fixed" is not a status');
    expect(out).toContain('Usage: /incident status <investigating|identified|monitoring> <message>');
  });

  it('refuses to resolve a resolved incident', async () => {
    await declared();
    const out = await session.type('/incident resolve', '/incident resolve');
    expect(out).toContain('INC-1 is already resolved');
  });

  it('refuses to acknowledge when nothing was paged', async () => {
    await declared();
    expect(await session.type('/incident ack')).toContain('nothing to acknowledge');
  });

  it('acknowledges an outstanding page', async () => {
    await declared();
    const out = await session.type('/incident page @sam need a DBA', '/as sam', '/incident ack');
    expect(out).toContain('sam acknowledged the page');
  });

  it('refuses a status update on a resolved incident and points at reopen', async () => {
    await declared();
    const out = await session.type('/incident resolve', '/incident status identified x');
    expect(out).toContain('Reopen it first with /incident reopen');
  });

  it('still takes notes, action items and roles after resolve', async () => {
    await declared();
    const out = await session.type(
      '/incident resolve',
      '/incident note 09:55 first alert fired',
      '/incident action add alert @sam due 2025-12-01 priority high',
      '/incident role scribe @bob',
    );
    expect(out).toContain('Noted at 09:55 UTC: first alert fired');
    expect(out).toContain('Action item A1 (high, owner sam, due 2025-12-01): add alert');
    expect(out).toContain('bob is now scribe');
  });

  it('reopens a resolved incident', async () => {
    await declared();
    expect(await session.type('/incident resolve', '/incident reopen')).toContain('INC-1 is open again');
  });

  it('changes severity and refuses a no-op change', async () => {
    await declared();
    expect(await session.type('/incident sev sev1 all regions')).toContain(
      'Severity raised: SEV2 → SEV1 (all regions)',
    );
    expect(await session.type('/incident sev SEV-1')).toContain('INC-1 is already SEV1');
  });

  it('lists open incidents from anywhere', async () => {
    await declared();
    const out = await session.type('/join general', '/incident list');
    expect(out).toContain('INC-1  SEV2  investigating  checkout errors');
  });

  it('shows the timeline in the order things happened', async () => {
    await declared();
    await session.type('/clock 2025-11-20 10:05 UTC', '/incident status identified bad feature flag');
    await session.type('/incident note 09:50 first alert');
    // Only the timeline's own answer: the note's echo above it must not count.
    const answer = await session.type('/incident timeline');
    expect(answer.trimEnd().split('\n')).toEqual([
      '[#inc-1-checkout-errors] tocsin (only visible to you): Timeline of INC-1 (3 entries)',
      '    09:50 UTC  alice: first alert',
      '    10:00 UTC  alice: Incident declared: SEV2 checkout errors',
      '    10:05 UTC  alice: Status identified: bad feature flag',
    ]);
  });

  it('shows help generated from the registry', async () => {
    session = createConsoleSession();
    const out = await session.type('/incident help');
    expect(out).toContain('/incident note [HH:MM[ TZ] | YYYY-MM-DD HH:MM[ TZ]] <text>');
    expect(await session.type('/incident help note')).toContain(
      'e.g. /incident note 15:23 CEST first alert fired',
    );
  });

  it('stamps messages with the simulated clock', async () => {
    await declared();
    await session.type('/clock 2025-11-20 10:07 UTC', 'db connections at max');
    const events = await session.app.store.read({ platform: 'console', workspace: 'local', number: 1 });
    const message = events.find((event) => event.type === 'message_captured');
    expect(message && 'occurredAt' in message && message.occurredAt.slice(0, 16)).toBe('2025-11-20T10:07');
  });

  it('refuses a page to a schedule that does not exist', async () => {
    await declared();
    expect(await session.type('/incident page nobody-oncall')).toContain(
      'There is no schedule "nobody-oncall"',
    );
  });

  it('interprets bare note times in the configured workspace zone', async () => {
    session = createConsoleSession({ config: testConfig({ timezone: 'Europe/Berlin' }) });
    await session.type('/clock 2025-11-20 10:00 UTC', '/incident start sev2 x');
    const out = await session.type('/incident note 10:55 alert');
    expect(out).toContain('Noted at 09:55 UTC (10:55 CET): alert');
  });
});

describe('secrets typed into commands', () => {
  it('are not echoed back to the channel', async () => {
    await declared();
    const token = `${'xox'}b-${'1234567890'}-${'abcdefghijklmnopqrstuvwx'}`;
    const out = await session.type(`/incident note rotated the bot token ${token}`);
    expect(out).toContain('Noted: rotated the bot token');
    expect(out).not.toContain(token);
    expect(out).toContain('[REDACTED:slack-token]');
  });
});
