import { afterEach, describe, expect, it } from 'vitest';
import type { StoredEvent } from '../../../src/core/model/events.ts';
import type { HttpReceiver } from '../../fakes/pagers/http-receiver.ts';
import { startWebhookReceiver, webhookBody } from '../../fakes/pagers/webhook-receiver.ts';
import {
  PagingDriver,
  type PagingNode,
  pagingConfig,
  QUIET,
  startNode,
  uniquePrefix,
} from './paging-harness.ts';

let receivers: HttpReceiver[] = [];
let nodes: PagingNode[] = [];
afterEach(async () => {
  for (const receiver of receivers) await receiver.close();
  for (const node of nodes) await node.dispose();
  receivers = [];
  nodes = [];
});

function driverFor(raw: Record<string, unknown>): PagingDriver {
  const node = startNode({ config: pagingConfig(raw), prefix: uniquePrefix('remind') });
  nodes.push(node);
  return new PagingDriver(node);
}

const reminder = (name: string) => (event: StoredEvent) =>
  event.type === 'reminder_sent' && event.reminder === name;

describe('the status-update reminder', () => {
  it('nudges the channel at the severity interval, with a Snooze button', async () => {
    const driver = driverFor({ severities: [{ id: 'SEV2', ...QUIET, update_interval: '1s' }] });
    await driver.declare('sev2 search is slow');
    const [nudge] = await driver.waitForEvents(reminder('status_update'));
    expect(nudge).toMatchObject({ text: 'Status update reminder: SEV2 expects one every 1s' });
    const posted = await driver.waitForPrinted('No status update on INC-1');
    expect(posted).toContain('[Snooze 2s: /incident snooze 2s]');
    expect(await driver.timeline()).toContain('reminder: Status update reminder: SEV2 expects one every 1s');
  });

  it('a snooze holds the next nudge until the snooze ends', async () => {
    const driver = driverFor({ severities: [{ id: 'SEV2', ...QUIET, update_interval: '1s' }] });
    await driver.declare('sev2 search is slow');
    await driver.waitForEvents(reminder('status_update'));
    const reply = await driver.run('snooze 3s');
    expect(reply?.text).toContain('snoozed for 3s');
    const snoozed = (await driver.events()).find((event) => event.type === 'reminder_snoozed');
    const until = snoozed?.type === 'reminder_snoozed' ? snoozed.until : '';
    const nudges = await driver.waitForEvents(
      (event) => reminder('status_update')(event) && Date.parse(event.at) > Date.parse(snoozed?.at ?? ''),
    );
    expect(Date.parse(nudges[0]?.at ?? '')).toBeGreaterThanOrEqual(Date.parse(until));
  });
});

describe('the other reminders', () => {
  it('nudges an incident that has no commander yet', async () => {
    const driver = driverFor({ severities: [{ id: 'SEV2', ...QUIET, commander_nudge: '1s' }] });
    const declared = await driver.declare('sev2 search is slow');
    const [nudge] = await driver.waitForEvents(reminder('no_commander'));
    const line = await driver.waitForPrinted('INC-1 has no commander yet.');
    expect(line).toContain(
      'INC-1 has no commander yet. Whoever leads the response: /incident role commander @you.',
    );
    expect(line).toMatch(new RegExp(`^\\[#${declared.channel?.name ?? declared.channel?.id}\\]`));
    expect(Date.parse(nudge?.at ?? '')).toBeGreaterThanOrEqual(Date.parse(declared.declaredAt) + 1000);
  });

  it('does not nudge for a commander once someone took the role', async () => {
    const driver = driverFor({ severities: [{ id: 'SEV2', ...QUIET, commander_nudge: '3s' }] });
    await driver.declare('sev2 search is slow');
    await driver.run('role commander @bob');
    await driver.drained();
    expect((await driver.events()).some(reminder('no_commander'))).toBe(false);
  });

  it('reminds that the postmortem is due after resolve', async () => {
    const driver = driverFor({
      severities: [{ id: 'SEV2', ...QUIET, postmortem: { required: true, due: '1s' } }],
    });
    await driver.declare('sev2 search is slow');
    await driver.run('resolve');
    const [due] = await driver.waitForEvents(reminder('postmortem_due'));
    expect(due).toMatchObject({ text: 'Postmortem due (no draft yet)' });
    await driver.waitForPrinted('The postmortem of INC-1 is due now');
  });

  it('reminds the owner of an action item that is due', async () => {
    const driver = driverFor({ severities: [{ id: 'SEV2', ...QUIET }] });
    await driver.declare('sev2 search is slow');
    await driver.run('action add an alert on p99 latency @sam due 2025-01-01');
    const [due] = await driver.waitForEvents(reminder('action_item_due'));
    expect(due).toMatchObject({
      text: 'Action item A1 due 2025-01-01 (owner sam): add an alert on p99 latency',
    });
    await driver.waitForPrinted('@sam Action item A1 due 2025-01-01');
  });
});

describe('auto-escalation', () => {
  it('a SEV2 still unresolved after its wait becomes SEV1 and pages under the SEV1 policy', async () => {
    const hook = await startWebhookReceiver('s');
    receivers.push(hook);
    const driver = driverFor({
      pagers: [{ id: 'ops-hook', type: 'webhook', url: hook.url, secret: 's', allow_insecure: true }],
      severities: [
        { id: 'SEV1', ...QUIET, page: ['ops-hook'] },
        { id: 'SEV2', ...QUIET, auto_escalate: { after: '1s', to: 'SEV1' } },
      ],
    });
    await driver.declare('sev2 search is slow');
    const [page] = await hook.waitFor((request) => webhookBody(request).event === 'incident.page');
    expect(webhookBody(page as never).incident.severity).toBe('SEV1');
    expect(await driver.timeline()).toContain(
      'severity: Severity SEV2 → SEV1 (automatic): unresolved after 1s',
    );
  });
});
