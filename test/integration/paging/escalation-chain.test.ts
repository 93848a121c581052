import { afterEach, describe, expect, it } from 'vitest';
import { fireEscalationStep } from '../../../src/paging/jobs/fire-escalation-step.ts';
import { whoIsOnCall } from '../../../src/paging/oncall-schedule.ts';
import { scheduleSchema } from '../../../src/paging/schedule-schema.ts';
import { pagerdutyEvents } from '../../fakes/pagers/pagerduty-receiver.ts';
import { accepted, webhookBody } from '../../fakes/pagers/webhook-receiver.ts';
import {
  ChainFixture,
  chainConfig,
  escalations,
  NOW,
  SECRET,
  twoWorkersFireEachStepOnce,
} from './escalation-chain-fixture.ts';
import {
  INC1,
  PagingDriver,
  PLATFORM_SCHEDULE,
  pagingConfig,
  QUIET,
  uniquePrefix,
} from './paging-harness.ts';

const schedule = scheduleSchema.parse(PLATFORM_SCHEDULE);
const primary = whoIsOnCall(schedule, NOW, 'primary').userId;
const secondary = whoIsOnCall(schedule, NOW, 'secondary').userId;

let fixture = new ChainFixture();
afterEach(async () => {
  await fixture.close();
  fixture = new ChainFixture();
});

describe('a SEV1 nobody acknowledges', () => {
  it('walks its whole escalation chain, each step once, and every step shows on the timeline', async () => {
    const { hook } = await fixture.receivers();
    const bot = fixture.node(chainConfig(hook), uniquePrefix('chain'));
    const driver = new PagingDriver(bot);
    await driver.declare('sev1 checkout is down');
    await hook.waitFor((request) => webhookBody(request).target.step === 2);
    await driver.drained();
    expect(accepted(hook, 'incident.page')).toHaveLength(1);
    expect(escalations(hook, 1)).toHaveLength(1);
    expect(escalations(hook, 2)).toHaveLength(1);
    const timeline = await driver.timeline();
    expect(timeline).toContain(
      `escalation: Escalated (step 1) to ops-hook, platform primary (@${primary}), platform secondary (@${secondary}): not acknowledged within 1s`,
    );
    expect(timeline).toContain(
      'escalation: Escalated (step 2) to ops-hook, @manager: not acknowledged within 1s',
    );
    expect(timeline.filter((line) => line.startsWith('page: '))).toHaveLength(2 + 3 + 2);
    expect(
      bot.printed.some((line) =>
        line.startsWith(`[DM @${secondary}] tocsin: You are paged as platform secondary`),
      ),
    ).toBe(true);
    expect(
      bot.printed.some((line) => line.includes('[DM @manager]') && line.includes('Escalation step 2')),
    ).toBe(true);
  });

  it('fires each step once when two workers share the queue', async () => {
    await twoWorkersFireEachStepOnce(fixture);
  });
});

describe('answering the page', () => {
  it('an ack in the middle of the chain stops it and tells the pagers', async () => {
    const { hook } = await fixture.receivers();
    const driver = new PagingDriver(fixture.node(chainConfig(hook), uniquePrefix('ack')));
    await driver.declare('sev1 checkout is down');
    await hook.waitFor((request) => webhookBody(request).target.step === 1);
    const reply = await driver.run('ack', primary);
    expect(reply?.text).toContain(`${primary} acknowledged`);
    await hook.waitFor((request) => webhookBody(request).event === 'incident.acknowledge');
    await driver.drained();
    expect(escalations(hook, 2)).toHaveLength(0);
    expect((await driver.events()).filter((event) => event.type === 'escalated')).toHaveLength(1);
    expect(await driver.timeline()).toContain(`ack: ${primary} acknowledged the page`);
  });

  it('resolve stops everything and sends resolve to every pager that was paged', async () => {
    const { hook, pagerduty, opsgenie } = await fixture.receivers();
    const config = chainConfig(hook, { pagerduty, opsgenie });
    const bot = fixture.node(config, uniquePrefix('resolve'), { pagerduty, opsgenie });
    const driver = new PagingDriver(bot);
    await driver.declare('sev1 checkout is down');
    await hook.waitFor((request) => webhookBody(request).target.step === 1);
    await driver.run('resolve rolled back');
    await hook.waitFor((request) => webhookBody(request).event === 'incident.resolve');
    await pagerduty.waitFor(
      (request) => (request.json as { event_action?: string }).event_action === 'resolve',
    );
    await opsgenie.waitFor((request) => request.path.endsWith('/close'));
    await driver.drained();
    expect(escalations(hook, 2)).toHaveLength(0);
    expect(pagerdutyEvents(pagerduty).map((event) => [event.event_action, event.dedup_key])).toEqual([
      ['trigger', 'console:local:INC-1'],
      ['resolve', 'console:local:INC-1'],
    ]);
    expect(opsgenie.state.alerts.get('console:local:INC-1')?.status).toBe('closed');
    expect(bot.printed.some((line) => line.startsWith(`[DM @${secondary}] tocsin: INC-1 is resolved`))).toBe(
      true,
    );
  });
});

describe('changing the severity', () => {
  it('an upgrade pages under the new severity policy', async () => {
    const { hook } = await fixture.receivers();
    const driver = new PagingDriver(fixture.node(chainConfig(hook), uniquePrefix('upgrade')));
    await driver.declare('sev3 slow queries');
    await driver.run('sev sev1 now everyone is affected');
    const [page] = await hook.waitFor((request) => webhookBody(request).event === 'incident.page');
    expect(webhookBody(page as never).incident.severity).toBe('SEV1');
    expect(await driver.timeline()).toContain('page: Paged ops-hook');
  });

  it('a downgrade cancels the steps that no longer apply', async () => {
    const { hook } = await fixture.receivers();
    const driver = new PagingDriver(fixture.node(chainConfig(hook), uniquePrefix('downgrade')));
    await driver.declare('sev1 checkout is down');
    await hook.waitFor((request) => webhookBody(request).event === 'incident.page');
    await driver.run('sev sev3 only one shop affected');
    await driver.drained();
    expect(accepted(hook, 'incident.escalate')).toHaveLength(0);
    expect((await driver.events()).some((event) => event.type === 'escalated')).toBe(false);
  });
});

describe('a step whose job was not cancelled in time', () => {
  const raw = (url: string) => ({
    pagers: [{ id: 'ops-hook', type: 'webhook', url, secret: SECRET, allow_insecure: true }],
    severities: [
      {
        id: 'SEV1',
        page: ['ops-hook'],
        escalation: { steps: [{ wait: '1h', targets: ['ops-hook'] }] },
        ...QUIET,
      },
    ],
  });
  const job = {
    ref: INC1,
    chain: 'r1',
    kind: 'policy',
    severity: 'SEV1',
    step: 1,
    round: 0,
    plan: { steps: [{ waitMs: 3_600_000, targets: ['ops-hook'] }], repeat: 0 },
  };

  /** A SEV1 paged, with its step an hour away; the test runs the step itself, as a late job would. */
  async function paged() {
    const { hook } = await fixture.receivers();
    const bot = fixture.node(pagingConfig(raw(hook.url)), uniquePrefix('late-step'));
    const driver = new PagingDriver(bot);
    await driver.declare('sev1 checkout is down');
    await hook.waitFor((request) => webhookBody(request).event === 'incident.page');
    const step = fireEscalationStep({
      services: bot.app.services,
      platforms: bot.app.platforms,
      pagers: new Map(),
    });
    return { hook, driver, step };
  }

  it('records and delivers once, even when two runs race (a retry after a crash, two replicas)', async () => {
    const { hook, driver, step } = await paged();
    await Promise.all([step(job), step(job)]);
    await step(job);
    await hook.waitFor((request) => webhookBody(request).event === 'incident.escalate');
    await driver.app.jobs.settle();
    expect((await driver.events()).filter((event) => event.type === 'escalated')).toHaveLength(1);
    expect(accepted(hook, 'incident.escalate')).toHaveLength(1);
  });

  it('does nothing once the page was acknowledged', async () => {
    const { hook, driver, step } = await paged();
    await driver.run('ack', 'bob');
    await step(job);
    await driver.app.jobs.settle();
    expect((await driver.events()).some((event) => event.type === 'escalated')).toBe(false);
    expect(accepted(hook, 'incident.escalate')).toHaveLength(0);
  });

  it('does nothing once the incident was resolved', async () => {
    const { hook, driver, step } = await paged();
    await driver.run('resolve');
    await step(job);
    await driver.app.jobs.settle();
    expect((await driver.events()).some((event) => event.type === 'escalated')).toBe(false);
    expect(accepted(hook, 'incident.escalate')).toHaveLength(0);
  });
});
