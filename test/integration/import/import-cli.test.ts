import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { slackTs, writeSlackExport } from '../../fixtures/exports/slack-export-builder.ts';

const root = new URL('../../..', import.meta.url).pathname;
const run = promisify(execFile);

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('node', ['dist/src/import/import-cli.js', ...args], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp' },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('npm run import', () => {
  it('prints what a dry run would import', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'tocsin-cli-')), 'export.zip');
    await writeSlackExport(path, {
      users: [{ id: 'U1', name: 'alice' }],
      channels: [{ id: 'C1', name: 'db-outage' }],
      days: {
        'db-outage/2026-11-20.json': [{ ts: slackTs('2026-11-20T14:02:00Z'), user: 'U1', text: 'db down' }],
      },
    });
    const result = await cli(['slack', path, '--channel', 'db-outage', '--dry-run']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toBe(
      `#db-outage from ${path}: 1 messages by 1 people, 2026-11-20T14:02:00.000Z to 2026-11-20T14:02:00.000Z.\nDry run: nothing was written.\n`,
    );
  });

  it('refuses a Slack import without --channel, with the usage', async () => {
    const result = await cli(['slack', 'export.zip']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('a Slack export holds many channels: say which with --channel <name>.');
    expect(result.stderr).toContain('Usage:\n  npm run import -- slack <export.zip> --channel <name>');
  });

  it('names a file that is not a ZIP', async () => {
    const result = await cli(['slack', '/nonexistent/export.zip', '--channel', 'x']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^tocsin import: \/nonexistent\/export\.zip is not a ZIP file that can be read/,
    );
  });
});
