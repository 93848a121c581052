import { afterEach, describe, expect, it } from 'vitest';
import { type ConsoleSession, createConsoleSession } from '../../support/test-app.ts';
import { INC1, PLATFORM_SCHEDULE, pagingConfig, QUIET, waitUntil } from './paging-harness.ts';

let session: ConsoleSession | undefined;
afterEach(async () => {
  await session?.dispose();
  session = undefined;
});

function consoleWith(sev2: Record<string, unknown> = {}): ConsoleSession {
  session = createConsoleSession({
    config: pagingConfig({
      timezone: 'Europe/Berlin',
      schedules: [PLATFORM_SCHEDULE],
      severities: [{ id: 'SEV2', ...QUIET, ...sev2 }],
    }),
  });
  return session;
}

describe('/incident oncall', () => {
  it('shows who is on call now in each layer, until when, and who is next', async () => {
    const chat = consoleWith();
    await chat.type('/clock 2025-11-20 10:00 UTC');
    const out = await chat.type('/incident oncall platform');
    expect(out).toContain('On call in platform (Europe/Berlin):');
    expect(out).toContain(
      'platform primary: @bob until 2025-11-24 08:00 UTC (2025-11-24 09:00 CET), then @alice',
    );
    expect(out).toContain(
      'platform secondary: @erin until 2025-11-24 08:00 UTC (2025-11-24 09:00 CET), then @dave',
    );
  });

  it('keeps the 09:00 handoff on the local clock across the spring DST change', async () => {
    const chat = consoleWith();
    await chat.type('/clock 2025-03-27 10:00 UTC');
    const out = await chat.type('/incident oncall');
    expect(out).toContain(
      'platform primary: @bob until 2025-03-31 07:00 UTC (2025-03-31 09:00 CEST), then @alice',
    );
  });

  it('names the schedules when asked for one that does not exist', async () => {
    const chat = consoleWith();
    expect(await chat.type('/incident oncall payments')).toContain(
      'There is no schedule "payments". Schedules: platform.',
    );
  });
});

describe('/incident page of a schedule', () => {
  it('DMs whoever is on call and mentions them in the channel, both with an Acknowledge button', async () => {
    const chat = consoleWith();
    await chat.type('/clock 2025-11-20 10:00 UTC', '/as alice', '/incident start sev2 search is slow');
    const out = await chat.type('/incident page platform need a DBA');
    expect(out).toContain('Paging platform primary (@bob): need a DBA');
    const printed = await waitUntil(async () => {
      const text = chat.transcript();
      return text.includes('[DM @bob]') && text.includes('@bob you are paged') ? text : undefined;
    }, 'the DM and the channel mention');
    expect(printed).toContain(
      '[DM @bob] tocsin: You are paged as platform primary on call for INC-1 [SEV2] search is slow. "need a DBA" Join #inc-1-search-is-slow.  [Acknowledge: /incident ack]',
    );
    expect(printed).toContain(
      '[#inc-1-search-is-slow] tocsin: @bob you are paged as platform primary on call. "need a DBA"  [Acknowledge: /incident ack]',
    );
    const acked = await chat.type('/as bob', '/incident ack');
    expect(acked).toContain('bob acknowledged the page.');
  });

  it('escalates to the next layer when the severity says escalate_if_unacked and nobody answers', async () => {
    const chat = consoleWith({ escalate_if_unacked: '1s' });
    await chat.type(
      '/clock 2025-11-20 10:00 UTC',
      '/incident start sev2 search is slow',
      '/incident page platform',
    );
    await waitUntil(async () => {
      const events = await chat.app.store.read(INC1);
      return events.some((event) => event.type === 'escalated') ? true : undefined;
    }, 'the escalation');
    const timeline = await chat.type('/incident timeline');
    expect(timeline).toContain(
      'Escalated (step 1) to platform primary (@bob), platform secondary (@erin): not acknowledged within 1s',
    );
    const dm = '[DM @erin] tocsin: You are paged as platform secondary on call';
    await waitUntil(
      async () => (chat.transcript().includes(dm) ? true : undefined),
      'the DM to the secondary',
    );
  });
});
