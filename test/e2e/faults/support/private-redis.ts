import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { type EmbeddedRedis, startEmbeddedRedis } from '../../../../src/storage/redis/embedded-redis.ts';

/**
 * A redis-server of a test's own (AOF on, in a temp dir, on 127.0.0.1), which the test can stop,
 * kill and start again on the same port and data, as an operator's restart or a crash would.
 */
export class PrivateRedis {
  private constructor(
    readonly dir: string,
    readonly port: number,
    private server: EmbeddedRedis | undefined,
  ) {}

  static async start(): Promise<PrivateRedis> {
    const dir = mkdtempSync(join(tmpdir(), 'tocsin-fault-redis-'));
    const server = await startEmbeddedRedis({ dir, appendOnly: true });
    return new PrivateRedis(dir, server.port, server);
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return this.server !== undefined;
  }

  /** A clean shutdown (SIGTERM): Redis fsyncs its AOF and closes the clients' connections. */
  async stop(): Promise<void> {
    await this.server?.stop();
    this.server = undefined;
  }

  /** A crash: SIGKILL, no chance to flush anything it has not already written. */
  async kill(): Promise<void> {
    if (!this.server) return;
    const probe = new Redis(this.url, { lazyConnect: true, maxRetriesPerRequest: 1 });
    await probe.connect();
    const info = await probe.info('server');
    probe.disconnect();
    const pid = Number(/process_id:(\d+)/.exec(info)?.[1]);
    process.kill(pid, 'SIGKILL');
    // stop() resolves once the child has exited (it is already dying; the extra SIGTERM is moot).
    await this.server.stop();
    this.server = undefined;
  }

  /** Starts redis-server again on the same port and data directory; it replays its AOF. */
  async restart(): Promise<void> {
    if (this.server) return;
    this.server = await startEmbeddedRedis({ dir: this.dir, appendOnly: true, port: this.port });
  }

  async destroy(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
