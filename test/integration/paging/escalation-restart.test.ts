import type { ChildProcess } from 'node:child_process';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { HttpReceiver } from '../../fakes/pagers/http-receiver.ts';
import { accepted, startWebhookReceiver, webhookBody } from '../../fakes/pagers/webhook-receiver.ts';
import { testRedisUrl } from '../../support/test-app.ts';
import { spawnTracked, stopTracked } from '../../support/tracked-process.ts';
import {
  PagingDriver,
  type PagingNode,
  pagingConfig,
  QUIET,
  startNode,
  uniquePrefix,
  waitUntil,
} from './paging-harness.ts';

const SECRET = 'whsec-restart';
const WORKER = fileURLToPath(new URL('./paging-worker-process.ts', import.meta.url));

let hook: HttpReceiver | undefined;
let front: PagingNode | undefined;
const workers: ChildProcess[] = [];

afterEach(async () => {
  for (const worker of workers.splice(0)) await stopTracked(worker, 'SIGKILL');
  await front?.dispose();
  await hook?.close();
});

/** Starts a worker process and resolves once its BullMQ worker is connected. */
async function startWorker(prefix: string, rawConfig: Record<string, unknown>): Promise<ChildProcess> {
  const child = spawnTracked(process.execPath, ['--import', 'tsx', WORKER], {
    env: {
      ...process.env,
      WORKER_REDIS_URL: testRedisUrl(),
      WORKER_PREFIX: prefix,
      WORKER_CONFIG: JSON.stringify(rawConfig),
      WORKER_POSTMORTEM_DIR: tmpdir(),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  workers.push(child);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  await waitUntil(
    async () => (output.includes('worker ready') ? true : undefined),
    `worker ready (output: ${output})`,
  );
  return child;
}

async function kill(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

describe('escalation across a restart', () => {
  it('a SEV1 declared with no ack walks its chain after the worker is killed mid-wait, each step once', async () => {
    hook = await startWebhookReceiver(SECRET);
    const rawConfig = {
      pagers: [
        {
          id: 'ops-hook',
          type: 'webhook',
          url: hook.url,
          secret: SECRET,
          timeout: '5s',
          allow_insecure: true,
        },
      ],
      severities: [
        {
          id: 'SEV1',
          page: ['ops-hook'],
          escalation: {
            steps: [
              { wait: '2s', targets: ['ops-hook'] },
              { wait: '1s', targets: ['ops-hook'] },
            ],
          },
          ...QUIET,
        },
      ],
    };
    const prefix = uniquePrefix('restart');
    // The front process takes commands and enqueues; only the child processes run jobs.
    front = startNode({ config: pagingConfig(rawConfig), prefix, workers: false });
    const driver = new PagingDriver(front);
    const first = await startWorker(prefix, rawConfig);
    await driver.declare('sev1 checkout is down');
    await hook.waitFor((request) => webhookBody(request).event === 'incident.page');
    await driver.app.jobs.settle();
    // Between the page and its escalation: the step waits in Redis, not in the process.
    expect(await driver.app.jobs.queue.getDelayedCount()).toBe(1);
    expect(accepted(hook, 'incident.escalate')).toHaveLength(0);
    await kill(first);

    await startWorker(prefix, rawConfig);
    await hook.waitFor((request) => webhookBody(request).target.step === 2);
    await driver.drained();
    const steps = accepted(hook, 'incident.escalate').map((request) => webhookBody(request).target.step);
    expect(steps).toEqual([1, 2]);
    expect(accepted(hook, 'incident.page')).toHaveLength(1);
    const timeline = await driver.timeline();
    expect(timeline.filter((line) => line.startsWith('escalation: '))).toEqual([
      'escalation: Escalated (step 1) to ops-hook: not acknowledged within 2s',
      'escalation: Escalated (step 2) to ops-hook: not acknowledged within 1s',
    ]);
  });
});
