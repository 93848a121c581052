import type { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { connectRedis } from '../../../src/storage/redis/connect-redis.ts';
import { RedisIncidentStore } from '../../../src/storage/redis/redis-incident-store.ts';
import { RedisKeys } from '../../../src/storage/redis/redis-keys.ts';
import type { HttpReceiver } from '../../fakes/pagers/http-receiver.ts';
import { accepted, startWebhookReceiver, webhookBody } from '../../fakes/pagers/webhook-receiver.ts';
import { testRedisUrl, uniquePrefix } from '../../support/test-app.ts';
import { BotProcess } from './support/bot-process.ts';
import { DRIVER_PLATFORM, DRIVER_WORKSPACE } from './support/driver-protocol.ts';
import { pause } from './support/wait-for.ts';

const SECRET = 'whsec-replicas';
const bots: BotProcess[] = [];
let hook: HttpReceiver | undefined;
let reader: Redis | undefined;
afterEach(async () => {
  for (const bot of bots.splice(0)) await bot.kill();
  reader?.disconnect();
  reader = undefined;
  await hook?.close();
  hook = undefined;
});

/** A SEV1 that pages a webhook at once and escalates to it after 2 s without an ack. */
function escalatingConfig(url: string) {
  return {
    pagers: [{ id: 'ops-hook', type: 'webhook', url, secret: SECRET, timeout: '5s', allow_insecure: true }],
    severities: [
      {
        id: 'SEV1',
        page: ['ops-hook'],
        escalation: { steps: [{ wait: '2s', targets: ['ops-hook'] }] },
        update_interval: false,
        commander_nudge: false,
        auto_escalate: false,
        postmortem: { required: false },
      },
    ],
  };
}

describe('two bot replicas share one Redis while a SEV1 waits for an ack', () => {
  it('the escalation fires once: one escalated event in the log, one delivery at the pager', async () => {
    hook = await startWebhookReceiver(SECRET);
    const env = {
      REDIS_URL: testRedisUrl(),
      TOCSIN_PREFIX: uniquePrefix('replicas'),
      CONFIG_JSON: JSON.stringify(escalatingConfig(hook.url)),
      LOG_LEVEL: 'warn',
    };
    // Both replicas run workers on the same queue, so either may pick up the delayed step.
    const [one, two] = await Promise.all([BotProcess.driver(env), BotProcess.driver(env)]);
    if (!one || !two) throw new Error('replicas did not start');
    bots.push(one, two);

    one.send({ op: 'command', id: 'c1', text: 'start sev1 checkout is down', channel: 'general' });
    await one.waitFor((event) => event.event === 'reply' && event.id === 'c1', 'the declaration');
    await hook.waitFor((request) => webhookBody(request).event === 'incident.escalate');
    // Long enough for a second replica's copy of the step (or a retry of it) to land as well.
    await pause(4_000);

    reader = connectRedis(testRedisUrl());
    const store = new RedisIncidentStore(reader, new RedisKeys(env.TOCSIN_PREFIX));
    const log = await store.read({ platform: DRIVER_PLATFORM, workspace: DRIVER_WORKSPACE, number: 1 });
    expect(log.filter((event) => event.type === 'escalated')).toHaveLength(1);
    expect(accepted(hook, 'incident.escalate')).toHaveLength(1);
    expect(accepted(hook, 'incident.page')).toHaveLength(1);
    // Neither replica fell over along the way.
    expect(one.count((event) => event.event === 'refused')).toBe(0);
    for (const bot of [one, two]) expect(bot.stderr).not.toMatch(/driver failed/);
  });
});
