import { afterEach, describe, expect, it } from 'vitest';
import type { HttpReceiver } from '../../fakes/pagers/http-receiver.ts';
import {
  accepted,
  signatureValid,
  startWebhookReceiver,
  webhookBody,
} from '../../fakes/pagers/webhook-receiver.ts';
import {
  PagingDriver,
  type PagingNode,
  pagingConfig,
  QUIET,
  startNode,
  uniquePrefix,
} from './paging-harness.ts';

const SECRET = 'whsec-test-0123456789';
let receiver: HttpReceiver | undefined;
let node: PagingNode | undefined;

afterEach(async () => {
  await receiver?.close();
  await node?.dispose();
  receiver = undefined;
  node = undefined;
});

async function sev1PagesTheWebhook(escalation: Record<string, unknown> = {}): Promise<PagingDriver> {
  receiver = await startWebhookReceiver(SECRET);
  const config = pagingConfig({
    pagers: [
      {
        id: 'ops-hook',
        type: 'webhook',
        url: `${receiver.url}/page`,
        secret: SECRET,
        timeout: '5s',
        allow_insecure: true,
      },
    ],
    severities: [{ id: 'SEV1', page: ['ops-hook'], ...QUIET, ...escalation }],
  });
  node = startNode({ config, prefix: uniquePrefix('webhook') });
  return new PagingDriver(node);
}

describe('the webhook pager', () => {
  it('POSTs a signed incident.page with the documented body when a SEV1 is declared', async () => {
    const driver = await sev1PagesTheWebhook();
    await driver.declare('sev1 checkout is down');
    const [request] = await (receiver as HttpReceiver).waitFor((r) => r.answered);
    expect(signatureValid(SECRET, request as never)).toBe(true);
    expect(webhookBody(request as never)).toEqual({
      event: 'incident.page',
      incident: {
        id: 'console:local:INC-1',
        number: 1,
        title: 'checkout is down',
        severity: 'SEV1',
        status: 'investigating',
        url: null,
      },
      target: { kind: 'pager', id: 'ops-hook', step: 0, round: 0 },
      attempt: 1,
    });
  });

  it('signs the timestamp with the body, so the same request replayed ten minutes later is refused', async () => {
    const driver = await sev1PagesTheWebhook();
    await driver.declare('sev1 checkout is down');
    const [request] = await (receiver as HttpReceiver).waitFor((r) => r.answered);
    const sentAt = Number(request?.headers['x-tocsin-timestamp']) * 1000;
    expect(Math.abs(sentAt - Date.now())).toBeLessThan(60_000);
    expect(signatureValid(SECRET, request as never, sentAt + 60_000)).toBe(true);
    expect(signatureValid(SECRET, request as never, sentAt + 10 * 60_000)).toBe(false);
    const tampered = {
      ...request,
      headers: { ...request?.headers, 'x-tocsin-timestamp': String(sentAt / 1000 + 600) },
    };
    expect(signatureValid(SECRET, tampered as never, sentAt + 10 * 60_000)).toBe(false);
  });

  it('sends no secret typed into the title: the payload carries the redaction marker instead', async () => {
    const driver = await sev1PagesTheWebhook();
    await driver.declare('sev1 db password=Hunter2Secret99 exposed');
    const [request] = await (receiver as HttpReceiver).waitFor((r) => r.answered);
    expect(request?.raw).not.toContain('Hunter2Secret99');
    expect(webhookBody(request as never).incident.title).toMatch(
      /^db password=?\[REDACTED:[\w-]+\] exposed$/,
    );
  });

  it('retries a 503 and a 429 with the same Idempotency-Key, counting the attempt up', async () => {
    const driver = await sev1PagesTheWebhook();
    const hook = receiver as HttpReceiver;
    hook.answerNext({ status: 503, body: { error: 'down' } }, { status: 429, body: { error: 'slow down' } });
    await driver.declare('sev1 checkout is down');
    const requests = await hook.waitFor(() => true, 3);
    expect(requests.map((request) => webhookBody(request).attempt)).toEqual([1, 2, 3]);
    expect(new Set(requests.map((request) => request.headers['idempotency-key'])).size).toBe(1);
    expect(requests.every((request) => signatureValid(SECRET, request))).toBe(true);
    expect(accepted(hook, 'incident.page')).toHaveLength(1);
    expect((await driver.events()).some((event) => event.type === 'page_failed')).toBe(false);
  });

  it('waits as long as a 429’s Retry-After asks before trying again', async () => {
    const driver = await sev1PagesTheWebhook();
    const hook = receiver as HttpReceiver;
    hook.answerNext({ status: 429, body: { error: 'slow down' }, headers: { 'retry-after': '2' } });
    await driver.declare('sev1 checkout is down');
    const [first, second] = await hook.waitFor(() => true, 2);
    // Without Retry-After the first retry comes after 500 ms; a loaded machine can only make it later.
    expect((second?.receivedAt ?? 0) - (first?.receivedAt ?? 0)).toBeGreaterThanOrEqual(1_950);
    expect(webhookBody(second as never).attempt).toBe(2);
    expect(accepted(hook, 'incident.page')).toHaveLength(1);
  });

  it('retries before the escalation is due even when Retry-After asks for longer', async () => {
    const driver = await sev1PagesTheWebhook({ escalate_if_unacked: '3s' });
    const hook = receiver as HttpReceiver;
    hook.answerNext({ status: 429, body: { error: 'slow down' }, headers: { 'retry-after': '600' } });
    await driver.declare('sev1 checkout is down');
    // Ten minutes asked, three seconds to the escalation: the retry comes within the three.
    const pages = await hook.waitFor(
      (request) => webhookBody(request as never).event === 'incident.page',
      2,
      15_000,
    );
    expect(webhookBody(pages[1] as never).attempt).toBe(2);
  });

  it('fails fast on a 400: one request, a page_failed event and a clear message in the channel', async () => {
    const driver = await sev1PagesTheWebhook();
    const hook = receiver as HttpReceiver;
    hook.answerNext({ status: 400, body: { error: 'unknown route' } });
    await driver.declare('sev1 checkout is down');
    const [failed] = await driver.waitForEvents((event) => event.type === 'page_failed');
    expect(failed).toMatchObject({ type: 'page_failed', pager: 'ops-hook', status: 400, action: 'page' });
    await driver.drained();
    expect(hook.requests).toHaveLength(1);
    const notice = node?.printed.find((line) => line.includes('through ops-hook failed'));
    expect(notice).toContain('HTTP 400');
    expect(notice).toContain('will not be retried');
    expect(await driver.timeline()).toContain(
      'page-failed: Page through ops-hook failed: the webhook ops-hook answered HTTP 400: {"error":"unknown route"}',
    );
  });
});
