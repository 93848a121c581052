import { expect } from 'vitest';
import { AdjustableClock } from '../../../src/core/time/clock.ts';
import type { RedisConnection } from '../../../src/storage/redis/redis-connection.ts';
import type { HttpReceiver } from '../../fakes/pagers/http-receiver.ts';
import { startOpsgenieReceiver } from '../../fakes/pagers/opsgenie-receiver.ts';
import { startPagerdutyReceiver } from '../../fakes/pagers/pagerduty-receiver.ts';
import { accepted, startWebhookReceiver, webhookBody } from '../../fakes/pagers/webhook-receiver.ts';
import {
  PagingDriver,
  type PagingNode,
  PLATFORM_SCHEDULE,
  pagingConfig,
  QUIET,
  startNode,
  uniquePrefix,
} from './paging-harness.ts';

export const SECRET = 'whsec-chain';
export const ROUTING_KEY = 'R0123456789abcdef0123456789abcde';
export const OPSGENIE_KEY = 'og-test-key';
export const NOW = new Date('2025-11-20T10:00:00Z');

/**
 * The pager receivers and bot nodes of one escalation test, closed together; `redis` points the
 * nodes at another Redis than the run's, so the same scenarios run on a Cluster.
 */
export class ChainFixture {
  private closers: (() => Promise<void>)[] = [];

  constructor(private readonly redis?: () => RedisConnection) {}

  async receivers() {
    const hook = await startWebhookReceiver(SECRET);
    const pagerduty = await startPagerdutyReceiver();
    const opsgenie = await startOpsgenieReceiver(OPSGENIE_KEY);
    this.closers.push(
      () => hook.close(),
      () => pagerduty.close(),
      () => opsgenie.close(),
    );
    return { hook, pagerduty, opsgenie };
  }

  node(
    config: ReturnType<typeof chainConfig>,
    prefix: string,
    extra: { pagerduty?: HttpReceiver; opsgenie?: HttpReceiver } = {},
  ): PagingNode {
    const clock = new AdjustableClock();
    clock.set(NOW);
    const started = startNode({
      config,
      prefix,
      clock,
      endpoints: {
        pagerdutyEventsUrl: `${extra.pagerduty?.url ?? 'http://127.0.0.1:9'}/v2/enqueue`,
        opsgenieApiUrl: extra.opsgenie?.url ?? 'http://127.0.0.1:9',
      },
      ...(this.redis ? { redis: this.redis } : {}),
    });
    this.closers.push(() => started.dispose());
    return started;
  }

  async close(): Promise<void> {
    for (const close of this.closers.reverse()) await close();
    this.closers = [];
  }
}

/** SEV1 pages the webhook and the platform primary, then escalates twice, a second apart. */
export function chainConfig(
  hook: HttpReceiver,
  extra: { pagerduty?: HttpReceiver; opsgenie?: HttpReceiver } = {},
) {
  const pagers: Record<string, unknown>[] = [
    { id: 'ops-hook', type: 'webhook', url: hook.url, secret: SECRET, timeout: '5s', allow_insecure: true },
  ];
  if (extra.pagerduty)
    pagers.push({ id: 'pd', type: 'pagerduty', routing_key: ROUTING_KEY, allow_insecure: true });
  if (extra.opsgenie)
    pagers.push({ id: 'og', type: 'opsgenie', api_key: OPSGENIE_KEY, allow_insecure: true });
  const external = pagers.map((pager) => String(pager.id));
  return pagingConfig({
    schedules: [PLATFORM_SCHEDULE],
    pagers,
    severities: [
      {
        id: 'SEV1',
        page: [...external, 'platform'],
        escalation: {
          steps: [
            { wait: '1s', targets: ['ops-hook', 'platform', 'platform:secondary'] },
            { wait: '1s', targets: ['ops-hook', '@manager'] },
          ],
        },
        ...QUIET,
      },
    ],
  });
}

export const escalations = (hook: HttpReceiver, step: number) =>
  accepted(hook, 'incident.escalate').filter((request) => webhookBody(request).target.step === step);

/** Two bot processes share one queue: the page and each escalation step go out exactly once. */
export async function twoWorkersFireEachStepOnce(fixture: ChainFixture): Promise<void> {
  const { hook } = await fixture.receivers();
  const prefix = uniquePrefix('two-workers');
  const config = chainConfig(hook);
  const first = fixture.node(config, prefix);
  fixture.node(config, prefix);
  const driver = new PagingDriver(first);
  await driver.declare('sev1 checkout is down');
  await hook.waitFor((request) => webhookBody(request).target.step === 2);
  await driver.drained();
  expect(accepted(hook, 'incident.page')).toHaveLength(1);
  expect(escalations(hook, 1)).toHaveLength(1);
  expect(escalations(hook, 2)).toHaveLength(1);
  const escalated = (await driver.events()).filter((event) => event.type === 'escalated');
  expect(escalated.map((event) => event.type === 'escalated' && event.step)).toEqual([1, 2]);
}
