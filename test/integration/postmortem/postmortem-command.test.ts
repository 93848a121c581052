import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { draftOf } from '../../fixtures/seeds/replay-seed.ts';
import { type ConsoleSession, createConsoleSession, testConfig } from '../../support/test-app.ts';

let session: ConsoleSession;
afterEach(async () => {
  await session?.dispose();
});

async function declared(
  config: Record<string, unknown> = {},
  start = '2025-11-20 10:00 UTC',
): Promise<ConsoleSession> {
  session = createConsoleSession({ config: testConfig(config) });
  await session.type(`/clock ${start}`, '/as alice', '/incident start sev2 checkout errors');
  return session;
}

describe('/incident postmortem', () => {
  it('writes INC-<n>-<slug>.md in the workspace folder and attaches it to the reply', async () => {
    await declared();
    const { reply, path, draft } = await draftOf(session);
    expect(relative(session.app.postmortemDir, path)).toBe('console-local/INC-1-checkout-errors.md');
    expect(reply).toContain('Postmortem draft for INC-1 (report) written to');
    expect(reply).toMatch(/📎 INC-1-checkout-errors\.md \(\d+ bytes\)/);
    expect(draft).toContain('# Post-Incident Report: checkout errors');
  });

  it('rewrites the same bytes and says nothing changed when nothing did', async () => {
    await declared();
    await session.type('/incident note rolled back 4411', '/incident resolve fixed');
    const first = await draftOf(session);
    await session.type('/clock 2025-11-20 11:30 UTC');
    const second = await draftOf(session);
    expect(second.draft).toBe(first.draft);
    expect(second.reply).toContain('Nothing changed since the last draft (10:00 UTC).');
  });

  it('overwrites the draft with what is new and says what changed', async () => {
    await declared();
    const first = await draftOf(session);
    await session.type(
      '/clock 2025-11-20 10:20 UTC',
      '/incident note 10:05 flag flipped for 100% of users',
      'restarted the checkout pods',
      '/incident action add a canary @alice priority high',
    );
    const second = await draftOf(session);
    expect(second.path).toBe(first.path);
    expect(second.draft).toMatch(/10:05 UTC.*flag flipped for 100% of users/);
    expect(second.reply).toContain(
      'Since the last draft (10:00 UTC): 1 new note; 1 new action item; 1 new message.',
    );
  });

  it('refuses an unknown template and lists the ones there are', async () => {
    await declared();
    const reply = await session.type('/incident postmortem nope');
    expect(reply).toContain('There is no template "nope". Templates: public, report, sre.');
    expect(reply).not.toContain('written to');
  });

  it('picks the template configured for the severity', async () => {
    await declared({ postmortem: { template_by_severity: { 'sev-2': 'SRE' } } });
    const { reply, draft } = await draftOf(session);
    expect(reply).toContain('(sre)');
    expect(draft).toContain('# Post-mortem: checkout errors');
  });

  it('uses a template from templates_dir instead of the built-in one of the same name', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tocsin-templates-'));
    writeFileSync(join(dir, 'report.md.eta'), '# Our own report: <%= it.incident.title %>\n');
    writeFileSync(
      join(dir, 'Exec.md.eta'),
      '# For the board: <%= it.incident.label %> lasted <%= it.durations.toResolve?.text ?? "so far" %>\n',
    );
    await declared({ templates_dir: dir });
    expect((await draftOf(session)).draft).toBe('# Our own report: checkout errors\n');
    expect((await draftOf(session, 'exec')).draft).toBe('# For the board: INC-1 lasted so far\n');
    expect(await session.type('/incident postmortem nope')).toContain(
      'Templates: exec, public, report, sre.',
    );
  });

  it('dates every time of an incident that crosses midnight', async () => {
    await declared({}, '2025-11-20 23:50 UTC');
    await session.type(
      '/clock 2025-11-21 00:05 UTC',
      '/incident note failover done',
      '/clock 2025-11-21 00:20 UTC',
      '/incident resolve',
    );
    const { draft } = await draftOf(session, 'sre');
    expect(draft).toContain('- **2025-11-20 23:50 UTC** (T+00) Incident declared: SEV2 checkout errors');
    expect(draft).toContain('- **2025-11-21 00:05 UTC** (T+15) failover done');
    expect(draft).toContain('- **2025-11-21 00:20 UTC** (T+30) Resolved');
  });

  it('shows both resolutions of an incident that was reopened and resolved again', async () => {
    await declared();
    await session.type(
      '/clock 2025-11-20 10:10 UTC',
      '/incident resolve flag rolled back',
      '/clock 2025-11-20 10:25 UTC',
      '/incident reopen',
      '/clock 2025-11-20 10:40 UTC',
      '/incident resolve connection pool resized',
    );
    const { draft } = await draftOf(session, 'sre');
    const timeline = draft.slice(draft.indexOf('## Timeline'));
    expect(timeline).toMatch(
      /10:10 UTC.*Resolved: flag rolled back[\s\S]*10:25 UTC.*Incident reopened[\s\S]*10:40 UTC.*Resolved: connection pool resized/,
    );
    expect(draft).toContain('| Resolved | 10:40 UTC (after 40m) |');
    expect(draft).toContain('| Status | resolved, reopened 1× |');
    expect(draft).toContain('Reopened once after being resolved.');
  });

  it('drafts an empty incident (declared, then resolved at once) with every section', async () => {
    await declared();
    await session.type('/incident resolve false alarm');
    for (const [template, heading] of [
      ['sre', '## Where We Got Lucky'],
      ['report', '## Lessons Learned'],
      ['public', '## What we are doing'],
    ] as const) {
      const { draft } = await draftOf(session, template);
      expect(draft).toContain(heading);
      expect(draft).not.toMatch(/undefined|NaN/);
    }
    const { draft } = await draftOf(session, 'report');
    expect(draft).toContain('_No action items were recorded. Add them with `/incident action`._');
    expect(draft).toContain('- **Duration**: 00:00');
  });

  it('leaves only the drafts in the folder, no temporary file', async () => {
    await declared();
    const { path } = await draftOf(session);
    await draftOf(session, 'sre');
    await draftOf(session);
    expect(readdirSync(dirname(path)).sort()).toEqual([
      'INC-1-checkout-errors.md',
      'INC-1-checkout-errors.sre.md',
    ]);
  });
});
