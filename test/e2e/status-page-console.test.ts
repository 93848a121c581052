import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnTracked, stopTracked } from '../support/tracked-process.ts';

const root = new URL('../..', import.meta.url).pathname;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe('npm start in the console with PORT set', () => {
  it('serves the public status page, with what was published with --public', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tocsin-status-'));
    const port = await freePort();
    const child = spawnTracked('npm', ['start', '--silent'], {
      cwd: root,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '/tmp',
        PORT: String(port),
        POSTMORTEM_DIR: join(dir, 'postmortems'),
        TOCSIN_DATA_DIR: join(dir, 'data'),
      },
    });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    try {
      child.stdin?.write('/incident start sev2 checkout errors\n');
      child.stdin?.write('/incident status identified --public A fix is rolling out.\n');
      const deadline = Date.now() + 45_000;
      let body: { incidents?: { incident_updates: { body: string }[] }[] } = {};
      while (Date.now() < deadline && (body.incidents?.length ?? 0) === 0) {
        body = await fetch(`http://127.0.0.1:${port}/status/summary.json`)
          .then((response) => response.json() as Promise<typeof body>)
          .catch(() => ({}));
        if ((body.incidents?.length ?? 0) === 0) await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect(stderr).not.toContain('could not start');
      expect(body.incidents?.[0]?.incident_updates[0]?.body).toBe('A fix is rolling out.');
      const page = await (await fetch(`http://127.0.0.1:${port}/status`)).text();
      expect(page).toContain('A fix is rolling out.');
      expect(page).not.toContain('checkout errors');
    } finally {
      child.stdin?.end();
      await stopTracked(child, 'SIGTERM', 15_000);
    }
  }, 90_000);
});
