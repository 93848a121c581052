import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildTimeline } from '../../../src/core/timeline/build-timeline.ts';
import { openExport, runImport } from '../../../src/import/run-import.ts';
import { createTestApp, type TestApp } from '../../support/test-app.ts';

let app: TestApp | undefined;
afterEach(async () => {
  await app?.dispose();
  app = undefined;
});

const alice = { id: '111111111111111111', name: 'alice', nickname: 'Alice', isBot: false };
const grafana = { id: '222222222222222222', name: 'Grafana', isBot: true };

/** DiscordChatExporter's JSON, as `--format Json` writes it. */
function anExport(messages: unknown[]): string {
  const path = join(mkdtempSync(join(tmpdir(), 'tocsin-discord-export-')), 'export.json');
  writeFileSync(
    path,
    JSON.stringify({
      guild: { id: '999999999999999999', name: 'Acme' },
      channel: { id: '888888888888888888', type: 'GuildTextChat', name: 'db-outage', categoryId: '7' },
      dateRange: { after: null, before: null },
      messages,
      messageCount: messages.length,
    }),
  );
  return path;
}

const MESSAGES = [
  {
    id: '1',
    type: 'GuildMemberJoin',
    timestamp: '2026-11-20T14:01:00+00:00',
    content: '',
    author: alice,
    attachments: [],
    reactions: [],
  },
  {
    id: '2',
    type: 'Default',
    timestamp: '2026-11-20T14:02:00.123+00:00',
    content: 'primary db is refusing connections',
    author: alice,
    attachments: [],
    reactions: [{ emoji: { id: null, name: '📌' }, count: 1 }],
  },
  {
    id: '3',
    type: 'Default',
    timestamp: '2026-11-20T14:09:00+00:00',
    content: 'Alert: db_up = 0',
    author: grafana,
    attachments: [
      {
        id: 'a1',
        url: 'https://cdn.discordapp.com/a1/graph.png',
        fileName: 'graph.png',
        fileSizeBytes: 2048,
      },
    ],
    reactions: [],
  },
];

async function imported(path: string) {
  app = createTestApp({ startWorkers: false });
  const request = { kind: 'discord' as const, file: path, dryRun: false };
  const lines = await runImport(app, request, await openExport(request));
  const [ref] = await app.store.allIncidents({
    platform: 'import',
    workspace: 'discord-export:999999999999999999',
  });
  return {
    lines,
    events: ref ? await app.store.read(ref) : [],
    state: ref ? await app.store.state(ref) : undefined,
  };
}

describe('importing a DiscordChatExporter export', () => {
  it('makes a resolved incident of the channel, each message at its own time, joins left out', async () => {
    const { state, events } = await imported(anExport(MESSAGES));
    expect(state).toMatchObject({
      status: 'resolved',
      title: '#db-outage (imported)',
      declaredAt: '2026-11-20T14:02:00.123Z',
    });
    const captured = events.filter((event) => event.type === 'message_captured');
    expect(
      captured.map(
        (event) => event.type === 'message_captured' && [event.occurredAt, event.actor.name, event.text],
      ),
    ).toEqual([
      ['2026-11-20T14:02:00.123Z', 'Alice', 'primary db is refusing connections'],
      ['2026-11-20T14:09:00.000Z', 'Grafana', 'Alert: db_up = 0'],
    ]);
    expect(captured[1]).toMatchObject({ files: [{ id: 'a1', name: 'graph.png', size: 2048 }] });
  });

  it('puts 📌-reacted messages on the timeline and writes the draft', async () => {
    const { events, lines } = await imported(anExport(MESSAGES));
    expect(buildTimeline(events).map((entry) => entry.text)).toContain('primary db is refusing connections');
    expect(lines.join('\n')).toMatch(/Postmortem draft for INC-1 \(report\) written to /);
  });

  it('names the file and the message when a timestamp is broken, and writes nothing', async () => {
    const path = anExport([{ ...MESSAGES[1], timestamp: 'yesterday' }]);
    app = createTestApp({ startWorkers: false });
    const request = { kind: 'discord' as const, file: path, dryRun: false };
    await expect(runImport(app, request, await openExport(request))).rejects.toThrow(
      `${path}: message 1 (2) has no valid timestamp.`,
    );
    expect(await app.store.workspaces()).toEqual([]);
  });

  it('says when the file is not an export', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'tocsin-discord-export-')), 'other.json');
    writeFileSync(path, JSON.stringify({ hello: 'world' }));
    await expect(openExport({ kind: 'discord', file: path, dryRun: false })).rejects.toThrow(
      `${path} is not a DiscordChatExporter JSON export: it has no guild and channel at the top.`,
    );
  });
});
