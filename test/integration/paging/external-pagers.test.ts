import { afterEach, describe, expect, it } from 'vitest';
import type { HttpReceiver } from '../../fakes/pagers/http-receiver.ts';
import { type OpsgenieState, startOpsgenieReceiver } from '../../fakes/pagers/opsgenie-receiver.ts';
import { pagerdutyEvents, startPagerdutyReceiver } from '../../fakes/pagers/pagerduty-receiver.ts';
import { accepted, startWebhookReceiver } from '../../fakes/pagers/webhook-receiver.ts';
import {
  PagingDriver,
  type PagingNode,
  pagingConfig,
  QUIET,
  startNode,
  uniquePrefix,
} from './paging-harness.ts';

const ROUTING_KEY = 'R0123456789abcdef0123456789abcde';
const OPSGENIE_KEY = 'og-test-key';
const KEY = 'console:local:INC-1';

/** Receivers close first: that cuts a hung request, as a crashed service would, so the worker can stop. */
let receivers: HttpReceiver[] = [];
let nodes: PagingNode[] = [];
afterEach(async () => {
  for (const receiver of receivers) await receiver.close();
  for (const node of nodes) await node.dispose();
  receivers = [];
  nodes = [];
});

async function sev2Paging(
  pagers: Record<string, unknown>[],
  endpoints: { pd?: HttpReceiver; og?: HttpReceiver },
) {
  const config = pagingConfig({
    pagers,
    severities: [{ id: 'SEV2', page: pagers.map((pager) => pager.id), ...QUIET }],
  });
  const node: PagingNode = startNode({
    config,
    prefix: uniquePrefix('external'),
    endpoints: {
      pagerdutyEventsUrl: `${endpoints.pd?.url ?? 'http://127.0.0.1:9'}/v2/enqueue`,
      opsgenieApiUrl: endpoints.og?.url ?? 'http://127.0.0.1:9',
    },
  });
  nodes.push(node);
  return new PagingDriver(node);
}

describe('the PagerDuty pager', () => {
  it('triggers with the incident key as dedup_key and SEV2 as "error", then acknowledges and resolves it', async () => {
    const pd = await startPagerdutyReceiver();
    receivers.push(pd);
    const driver = await sev2Paging(
      [{ id: 'pd', type: 'pagerduty', routing_key: ROUTING_KEY, allow_insecure: true }],
      { pd },
    );
    await driver.declare('sev2 search is slow');
    await pd.waitFor((request) => request.status === 202);
    const [trigger] = pagerdutyEvents(pd);
    expect(trigger).toMatchObject({
      routing_key: ROUTING_KEY,
      event_action: 'trigger',
      dedup_key: KEY,
      payload: { summary: 'INC-1 [SEV2] search is slow', source: 'tocsin', severity: 'error' },
    });
    await driver.run('ack', 'bob');
    await pd.waitFor((request) => request.status === 202, 2);
    await driver.run('resolve');
    await pd.waitFor((request) => request.status === 202, 3);
    expect(pagerdutyEvents(pd).map((event) => [event.event_action, event.dedup_key])).toEqual([
      ['trigger', KEY],
      ['acknowledge', KEY],
      ['resolve', KEY],
    ]);
  });

  it('gives up at once when PagerDuty calls the event invalid, and says so in the channel', async () => {
    const pd = await startPagerdutyReceiver();
    receivers.push(pd);
    const driver = await sev2Paging(
      [{ id: 'pd', type: 'pagerduty', routing_key: 'too-short', allow_insecure: true }],
      { pd },
    );
    await driver.declare('sev2 search is slow');
    const [failed] = await driver.waitForEvents((event) => event.type === 'page_failed');
    expect(failed).toMatchObject({ pager: 'pd', status: 400 });
    await driver.drained();
    expect(pd.requests).toHaveLength(1);
    expect(driver.node.printed.join('\n')).toContain("Length of 'routing_key' is incorrect");
  });
});

describe('the Opsgenie pager', () => {
  it('creates an alert with the incident key as alias, then acknowledges and closes it', async () => {
    const og = await startOpsgenieReceiver(OPSGENIE_KEY);
    receivers.push(og);
    const driver = await sev2Paging(
      [{ id: 'og', type: 'opsgenie', api_key: OPSGENIE_KEY, allow_insecure: true }],
      { og },
    );
    await driver.declare('sev2 search is slow');
    await og.waitFor((request) => request.status === 202);
    const alerts: OpsgenieState['alerts'] = og.state.alerts;
    expect(alerts.get(KEY)).toMatchObject({
      status: 'open',
      message: 'INC-1 [SEV2] search is slow',
      priority: 'P2',
    });
    await driver.run('ack', 'bob');
    await og.waitFor((request) => request.path.endsWith('/acknowledge'));
    expect(alerts.get(KEY)?.status).toBe('acked');
    await driver.run('resolve');
    await og.waitFor((request) => request.path.endsWith('/close'));
    expect(alerts.get(KEY)?.status).toBe('closed');
  });
});

describe('a pager that hangs', () => {
  it('does not delay the others: the healthy pager is paged while the hung one still has no answer', async () => {
    const hung = await startWebhookReceiver('s1');
    const healthy = await startWebhookReceiver('s2');
    receivers.push(hung, healthy);
    hung.answerNext('hang');
    const driver = await sev2Paging(
      [
        {
          id: 'stuck-hook',
          type: 'webhook',
          url: hung.url,
          secret: 's1',
          timeout: '60s',
          allow_insecure: true,
        },
        { id: 'ops-hook', type: 'webhook', url: healthy.url, secret: 's2', allow_insecure: true },
      ],
      {},
    );
    await driver.declare('sev2 search is slow');
    await hung.waitFor(() => true);
    await healthy.waitFor((request) => request.status === 200);
    expect(accepted(healthy, 'incident.page')).toHaveLength(1);
    expect(hung.requests.map((request) => request.answered)).toEqual([false]);
  });
});
