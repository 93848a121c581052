import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTimeline } from '../../../src/core/timeline/build-timeline.ts';
import { ImportError } from '../../../src/import/import-source.ts';
import { describeImport, openExport, runImport } from '../../../src/import/run-import.ts';
import { slackTs, writeSlackExport } from '../../fixtures/exports/slack-export-builder.ts';
import { createTestApp, type TestApp } from '../../support/test-app.ts';

let app: TestApp | undefined;
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tocsin-slack-export-'));
});
afterEach(async () => {
  await app?.dispose();
  app = undefined;
});

const USERS = [
  { id: 'U01ALICE', name: 'alice', display_name: 'Alice' },
  { id: 'U02BOB', name: 'bob', display_name: 'Bob' },
];
const CHANNELS = [
  { id: 'C0DBOUT', name: 'db-outage' },
  { id: 'C0GENERAL', name: 'general' },
];
const root = slackTs('2026-11-20T14:02:00Z');

async function anExport(days: Record<string, Record<string, unknown>[] | string> = {}): Promise<string> {
  const path = join(dir, 'export.zip');
  await writeSlackExport(path, {
    users: USERS,
    channels: CHANNELS,
    days: {
      'db-outage/2026-11-20.json': [
        {
          ts: slackTs('2026-11-20T14:01:00Z'),
          subtype: 'channel_join',
          user: 'U02BOB',
          text: '<@U02BOB> has joined the channel',
        },
        {
          ts: root,
          user: 'U01ALICE',
          text: 'primary db is refusing connections',
          reactions: [{ name: 'pushpin', users: ['U02BOB'], count: 1 }],
        },
        {
          ts: slackTs('2026-11-20T14:05:00Z'),
          user: 'U02BOB',
          text: 'failing over to the replica, <@U01ALICE> ok?',
          thread_ts: root,
        },
        {
          ts: slackTs('2026-11-20T14:09:00Z'),
          subtype: 'bot_message',
          bot_id: 'B0GRAFANA',
          username: 'Grafana',
          text: 'Alert: db_up = 0',
        },
        {
          ts: slackTs('2026-11-20T14:20:00Z'),
          user: 'U01ALICE',
          text: 'graph attached',
          edited: { user: 'U01ALICE', ts: slackTs('2026-11-20T14:21:00Z') },
          files: [
            {
              id: 'F01',
              name: 'latency.png',
              mimetype: 'image/png',
              size: 1234,
              url_private: 'https://files.slack.com/latency.png',
            },
          ],
        },
      ],
      'db-outage/2026-11-21.json': [
        { ts: slackTs('2026-11-21T09:00:00Z'), user: 'U02BOB', text: 'root cause: disk full' },
      ],
      'general/2026-11-20.json': [{ ts: slackTs('2026-11-20T14:03:00Z'), user: 'U02BOB', text: 'lunch?' }],
      ...days,
    },
  });
  return path;
}

async function imported(path: string, extra: Record<string, unknown> = {}) {
  app = createTestApp({ startWorkers: false });
  const request = {
    kind: 'slack' as const,
    file: path,
    channel: 'db-outage',
    dryRun: false,
    severity: 'sev2',
    ...extra,
  };
  const lines = await runImport(app, request, await openExport(request));
  const workspace = { platform: 'import', workspace: 'slack-export:T0EXPORT' };
  const refs = await app.store.allIncidents(workspace);
  return { lines, refs, events: refs[0] ? await app.store.read(refs[0]) : [] };
}

describe('importing a Slack export', () => {
  it('makes a resolved incident declared at the first message and resolved at the last', async () => {
    const { refs } = await imported(await anExport());
    const state = await app?.store.state(refs[0] as never);
    expect(state).toMatchObject({ status: 'resolved', severity: 'SEV2', title: '#db-outage (imported)' });
    expect(state?.declaredAt).toBe('2026-11-20T14:02:00.000Z');
    expect(state?.resolvedAt).toBe('2026-11-21T09:00:00.000Z');
  });

  it('records every message of the channel at its own time, with names from users.json, joins left out', async () => {
    const { events } = await imported(await anExport());
    const captured = events.filter((event) => event.type === 'message_captured');
    expect(
      captured.map(
        (event) => event.type === 'message_captured' && [event.occurredAt, event.actor.name, event.text],
      ),
    ).toEqual([
      ['2026-11-20T14:02:00.000Z', 'Alice', 'primary db is refusing connections'],
      ['2026-11-20T14:05:00.000Z', 'Bob', 'failing over to the replica, @Alice ok?'],
      ['2026-11-20T14:09:00.000Z', 'Grafana', 'Alert: db_up = 0'],
      ['2026-11-20T14:20:00.000Z', 'Alice', 'graph attached'],
      ['2026-11-21T09:00:00.000Z', 'Bob', 'root cause: disk full'],
    ]);
  });

  it('keeps thread replies in their thread and files with their names', async () => {
    const { events } = await imported(await anExport());
    const reply = events.find(
      (event) => event.type === 'message_captured' && event.text.startsWith('failing over'),
    );
    const withFile = events.find(
      (event) => event.type === 'message_captured' && event.text === 'graph attached',
    );
    expect(reply).toMatchObject({ threadId: root });
    expect(withFile).toMatchObject({
      files: [{ id: 'F01', name: 'latency.png', mimetype: 'image/png', size: 1234 }],
    });
  });

  it('puts 📌-pinned messages on the timeline', async () => {
    const { events } = await imported(await anExport());
    const rows = buildTimeline(events).map((entry) => entry.text);
    expect(rows).toContain('primary db is refusing connections');
  });

  it('writes the postmortem draft', async () => {
    const { lines, events } = await imported(await anExport());
    const generated = events.find((event) => event.type === 'postmortem_generated');
    const path = generated?.type === 'postmortem_generated' ? generated.path : '';
    expect(lines.join('\n')).toContain('INC-1 imported: 5 messages recorded');
    expect(existsSync(path)).toBe(true);
    expect(readFileSync(path, 'utf8')).toContain('primary db is refusing connections');
  });

  it('makes one incident when the same export is imported twice', async () => {
    const path = await anExport();
    await imported(path);
    const request = { kind: 'slack' as const, file: path, channel: 'db-outage', dryRun: false };
    const lines = await runImport(app as TestApp, request, await openExport(request));
    expect(lines.at(-1)).toBe(
      'INC-1 already holds this export (same channel and time range); nothing was written.',
    );
    expect(
      await app?.store.allIncidents({ platform: 'import', workspace: 'slack-export:T0EXPORT' }),
    ).toHaveLength(1);
  });

  it('takes only the messages between --from and --to', async () => {
    const { events } = await imported(await anExport(), { to: new Date('2026-11-20T14:10:00Z') });
    expect(events.filter((event) => event.type === 'message_captured')).toHaveLength(3);
  });

  it('describes a dry run and writes nothing', async () => {
    const path = await anExport();
    const request = { kind: 'slack' as const, file: path, channel: 'db-outage', dryRun: true };
    const { lines } = await describeImport(request, await openExport(request));
    expect(lines).toEqual([
      `#db-outage from ${path}: 5 messages by 3 people, 2026-11-20T14:02:00.000Z to 2026-11-21T09:00:00.000Z, 1 pinned (📌, on the timeline); 1 joins and leaves left out.`,
      'Dry run: nothing was written.',
    ]);
  });
});

describe('a Slack export that cannot be imported', () => {
  it('says when the file is not a ZIP', async () => {
    const path = join(dir, 'notes.zip');
    writeFileSync(path, 'not a zip');
    await expect(
      openExport({ kind: 'slack', file: path, channel: 'db-outage', dryRun: false }),
    ).rejects.toThrow(new RegExp(`^${path} is not a ZIP file that can be read`));
  });

  it('names the channels it has when asked for one it has not', async () => {
    const path = await anExport();
    await expect(openExport({ kind: 'slack', file: path, channel: 'nope', dryRun: false })).rejects.toThrow(
      `${path} has no channel "nope". Its channels: db-outage, general.`,
    );
  });

  it('names a corrupt day file, and nothing is written', async () => {
    const path = await anExport({ 'db-outage/2026-11-22.json': '[{"ts": "1764' });
    app = createTestApp({ startWorkers: false });
    const request = { kind: 'slack' as const, file: path, channel: 'db-outage', dryRun: false };
    const error = await runImport(app, request, await openExport(request)).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as Error).message).toMatch(
      new RegExp(`^${path}: db-outage/2026-11-22.json is not valid JSON`),
    );
    expect(await app.store.workspaces()).toEqual([]);
  });
});
