import type { ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import type { ClusterNodeAddress } from '../../src/storage/redis/cluster-nodes.ts';
import { freePort } from '../../src/storage/redis/embedded-redis.ts';
import { spawnTracked, stopTracked } from './tracked-process.ts';

/** A real Redis Cluster of redis-server children on loopback, for one test file. */
export interface TestCluster {
  nodes: ClusterNodeAddress[];
  /** `host:port,host:port`, as REDIS_CLUSTER_NODES takes it. */
  nodesEnv: string;
  /** Kills one node at once (SIGKILL, no shutdown save): a crashed master. */
  kill(port: number): Promise<void>;
  /** Every node's process is gone and the temp dir removed. */
  stop(): Promise<void>;
}

/**
 * Starts `masters` masters with `replicas` replicas each, joined by `redis-cli --cluster create`.
 * The bus port is chosen free too (`--cluster-port`): the default, port + 10000, may be taken or
 * beyond 65535 for a high ephemeral port. A one-second node timeout keeps a failover test short.
 */
export async function startRedisCluster(
  options: { masters?: number; replicas?: number } = {},
): Promise<TestCluster> {
  const masters = options.masters ?? 3;
  const replicas = options.replicas ?? 0;
  const dir = mkdtempSync(join(tmpdir(), 'tocsin-test-cluster-'));
  const children = new Map<number, ChildProcess>();
  const stop = async () => {
    await Promise.all([...children.values()].map((child) => stopTracked(child, 'SIGKILL', 2_000)));
    children.clear();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const ports: number[] = [];
    for (let i = 0; i < masters * (1 + replicas); i += 1) {
      const port = await freePort();
      const nodeDir = join(dir, String(port));
      mkdirSync(nodeDir);
      // prettier-ignore
      children.set(
        port,
        spawnTracked(
          'redis-server',
          [
            '--port',
            String(port),
            '--bind',
            '127.0.0.1',
            '--dir',
            nodeDir,
            '--cluster-enabled',
            'yes',
            '--cluster-config-file',
            join(nodeDir, 'nodes.conf'),
            '--cluster-port',
            String(await freePort()),
            '--cluster-node-timeout',
            '1000',
            '--appendonly',
            'no',
            '--save',
            '',
          ],
          { stdio: 'ignore' },
        ),
      );
      ports.push(port);
    }
    await Promise.all(ports.map((port) => untilAnswers(port, ['PING'], (reply) => reply === 'PONG')));
    await runCli([
      '--cluster',
      'create',
      ...ports.map((port) => `127.0.0.1:${port}`),
      '--cluster-replicas',
      String(replicas),
      '--cluster-yes',
    ]);
    // Every node must know the whole slot map before a client asks one of them for it.
    await Promise.all(
      ports.map((port) =>
        untilAnswers(port, ['CLUSTER', 'INFO'], (reply) => String(reply).includes('cluster_state:ok')),
      ),
    );
    const nodes = ports.map((port) => ({ host: '127.0.0.1', port }));
    return {
      nodes,
      nodesEnv: nodes.map((node) => `${node.host}:${node.port}`).join(','),
      kill: async (port) => {
        const child = children.get(port);
        if (child) await stopTracked(child, 'SIGKILL', 2_000);
        children.delete(port);
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function runCli(args: string[]): Promise<void> {
  const cli = spawnTracked('redis-cli', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  cli.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  cli.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const code = await new Promise<number | null>((resolve) => cli.once('exit', resolve));
  await stopTracked(cli);
  if (code !== 0) throw new Error(`redis-cli ${args.join(' ')} failed (${code}):\n${output}`);
}

/** Asks one node directly until its answer passes, for up to 20 s. */
async function untilAnswers(port: number, command: string[], passes: (reply: unknown) => boolean) {
  const client = new Redis({
    port,
    host: '127.0.0.1',
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => 50,
  });
  client.on('error', () => {});
  const deadline = Date.now() + 20_000;
  try {
    for (;;) {
      const [name = '', ...args] = command;
      const reply = await client.call(name, ...args).catch(() => undefined);
      if (passes(reply)) return;
      if (Date.now() > deadline)
        throw new Error(`redis node ${port} never answered ${command.join(' ')} as expected`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    client.disconnect();
  }
}
