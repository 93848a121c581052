import { mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPiped as run } from '../support/run-piped.ts';

describe('npm start with no platform tokens', () => {
  it('runs a piped incident in the console, starts its own Redis, and writes the postmortem', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tocsin-e2e-'));
    const postmortems = join(dir, 'postmortems');
    const input =
      '/incident start sev2 checkout errors\nhello team\n/incident note 00:01 rolled back deploy 4411\n' +
      '/incident resolve fixed\n/incident postmortem\n';
    const result = await run('npm', ['start', '--silent'], input, {
      PATH: process.env.PATH ?? '',
      POSTMORTEM_DIR: postmortems,
      TOCSIN_DATA_DIR: join(dir, 'data'),
    });
    expect(result.stderr).not.toContain('could not start');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('INC-1 declared: SEV2 checkout errors');
    const [workspace] = readdirSync(postmortems);
    const [file] = readdirSync(join(postmortems, workspace as string));
    expect(file).toBe('INC-1-checkout-errors.md');
    const draft = readFileSync(join(postmortems, workspace as string, file as string), 'utf8');
    expect(draft).toContain('checkout errors');
    expect(draft).toMatch(/00:01 UTC.*rolled back deploy 4411/);
  }, 60_000);

  it('exits with one clear message naming the ways out when redis-server is not installed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tocsin-e2e-'));
    // A PATH holding node and nothing else: redis-server cannot be found.
    const bin = join(dir, 'bin');
    mkdirSync(bin);
    symlinkSync(process.execPath, join(bin, 'node'));
    const result = await run(process.execPath, ['dist/tocsin.mjs'], '', {
      PATH: bin,
      TOCSIN_DATA_DIR: join(dir, 'data'),
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('no redis-server was found on PATH');
    expect(result.stderr).toContain('docker compose up -d redis');
    expect(result.stderr).toContain('REDIS_URL');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  }, 60_000);

  it('stops with a message naming the key when the config file is invalid', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tocsin-e2e-'));
    const config = join(dir, 'bad.yml');
    await import('node:fs/promises').then((fs) => fs.writeFile(config, 'timezone: Nowhere/Land\n'));
    const result = await run(process.execPath, ['dist/tocsin.mjs'], '', {
      PATH: process.env.PATH ?? '',
      INCIDENT_CONFIG: config,
      TOCSIN_DATA_DIR: join(dir, 'data'),
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('timezone: is not an IANA time zone');
  }, 60_000);
});
