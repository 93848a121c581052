import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type EmbeddedRedis,
  freePort,
  startEmbeddedRedis,
} from '../../../src/storage/redis/embedded-redis.ts';
import { spawnTracked, stopTracked } from '../../support/tracked-process.ts';
import { createOpsApp, type OpsApp } from './support/ops-app.ts';

let master: EmbeddedRedis | undefined;
let sentinel: ChildProcess | undefined;
let app: OpsApp | undefined;
let dir: string | undefined;
afterEach(async () => {
  await app?.dispose();
  if (sentinel) await stopTracked(sentinel);
  await master?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
  app = undefined;
  sentinel = undefined;
  master = undefined;
});

/** A redis-server in Sentinel mode watching `masterPort` as `mymaster`; resolves once it monitors it. */
async function startSentinel(
  workDir: string,
  masterPort: number,
): Promise<{ port: number; process: ChildProcess }> {
  const port = await freePort();
  const config = join(workDir, 'sentinel.conf');
  // Sentinel rewrites its config file, so it has to be a writable file of its own.
  writeFileSync(
    config,
    [
      `port ${port}`,
      'bind 127.0.0.1',
      `dir ${workDir}`,
      `sentinel monitor mymaster 127.0.0.1 ${masterPort} 1`,
      'sentinel down-after-milliseconds mymaster 1000',
      '',
    ].join('\n'),
  );
  const child = spawnTracked('redis-server', [config, '--sentinel'], { stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise<void>((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('+monitor master mymaster')) resolve();
    });
    child.on('exit', (code) => reject(new Error(`sentinel exited (${code}): ${output}`)));
  });
  return { port, process: child };
}

describe('Redis through Sentinel', () => {
  it('a redis+sentinel:// REDIS_URL finds the master through the sentinel, and incidents work as usual', async () => {
    dir = mkdtempSync(join(tmpdir(), 'tocsin-sentinel-'));
    master = await startEmbeddedRedis({ dir: join(dir, 'master'), appendOnly: false });
    const started = await startSentinel(dir, master.port);
    sentinel = started.process;
    app = createOpsApp({ redisUrl: `redis+sentinel://127.0.0.1:${started.port}/mymaster` });
    const { channel, ref } = await app.declare('checkout errors');
    await app.command('note via sentinel', { channel });
    const events = await app.store.read(ref);
    expect(events.map((event) => event.type)).toContain('note_added');
    // The data is on the master the sentinel pointed at.
    const connection = app.redis.options;
    expect(connection.sentinels).toEqual([{ host: '127.0.0.1', port: started.port }]);
    expect(await app.redis.call('CONFIG', 'GET', 'port')).toEqual(['port', String(master.port)]);
  });
});
