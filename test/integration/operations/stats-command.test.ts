import { afterEach, describe, expect, it } from 'vitest';
import { type ConsoleSession, createConsoleSession } from '../../support/test-app.ts';

let session: ConsoleSession;
afterEach(async () => {
  await session?.dispose();
});

/** Three incidents: a SEV1 paged, acknowledged after 6 minutes and resolved after 90; a SEV3 left open; an old SEV2. */
async function history(): Promise<ConsoleSession> {
  session = createConsoleSession();
  await session.type(
    '/clock 2025-09-01 08:00 UTC',
    '/incident start sev2 old outage',
    '/incident resolve',
    '/join general',
    '/clock 2025-11-01 10:00 UTC',
    '/incident start sev1 api down',
    '/incident page @sam need you',
    '/clock 2025-11-01 10:06 UTC',
    '/as sam',
    '/incident ack',
    '/clock 2025-11-01 11:30 UTC',
    '/incident resolve',
    '/join general',
    '/clock 2025-11-10 09:00 UTC',
    '/incident start sev3 slow search',
    '/join general',
    '/clock 2025-11-20 12:00 UTC',
  );
  return session;
}

describe('/incident stats', () => {
  it('shows count, MTTA and MTTR by severity over the last 30 days', async () => {
    await history();
    const out = await session.type('/incident stats');
    expect(out).toContain('2 incident(s) declared in the last 30 days (since 2025-10-21 12:00 UTC)');
    expect(out).toContain('SEV1  1 incident(s)  MTTA 6m (1 acknowledged)  MTTR 1h 30m (1 resolved)');
    expect(out).toContain('SEV3  1 incident(s)  MTTA n/a (none acknowledged)  MTTR n/a (none resolved)');
    expect(out).not.toContain('SEV2');
  });

  it('reaches back 90 days when asked', async () => {
    await history();
    const out = await session.type('/incident stats 90d');
    expect(out).toContain('3 incident(s) declared in the last 90 days');
    expect(out).toContain('SEV2  1 incident(s)');
  });

  it('says so when nothing was declared in the window', async () => {
    session = createConsoleSession();
    const out = await session.type('/clock 2025-11-20 12:00 UTC', '/incident stats');
    expect(out).toContain('No incidents declared in the last 30 days');
  });

  it('refuses another window with the usage', async () => {
    session = createConsoleSession();
    const out = await session.type('/incident stats 7d');
    expect(out).toContain('"7d" is not a window. Use 30d or 90d.');
    expect(out).toContain('Usage: /incident stats [30d|90d]');
  });

  it('is listed by help', async () => {
    session = createConsoleSession();
    expect(await session.type('/incident help')).toContain('/incident stats [30d|90d]');
  });
});
