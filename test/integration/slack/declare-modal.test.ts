import { afterEach, describe, expect, it } from 'vitest';
import { FAKE_IDS, viewSubmissionPayload } from '../../fakes/slack/index.ts';
import { type SlackHarness, startSlackHarness } from './slack-harness.ts';

let h: SlackHarness | undefined;
afterEach(async () => {
  expect(h?.fake.specViolations()).toEqual([]);
  await h?.close();
  h = undefined;
});

interface OpenedView {
  callback_id: string;
  private_metadata: string;
  title: { text: string };
  blocks: { block_id: string; element: { type: string; initial_option?: { value: string } } }[];
}

async function openedView(harness: SlackHarness): Promise<OpenedView> {
  const call = await harness.fake.waitForCall('views.open');
  expect(call.response?.ok).toBe(true);
  return call.params.view as OpenedView;
}

describe('/incident start with no text', () => {
  it('opens a modal asking for the title, the severity (a select) and a description', async () => {
    h = await startSlackHarness();
    expect((await h.command('start')).status).toBe(200);
    const view = await openedView(h);
    expect(view.title.text).toBe('Declare an incident');
    expect(view.blocks.map((block) => [block.block_id, block.element.type])).toEqual([
      ['title', 'plain_text_input'],
      ['severity', 'static_select'],
      ['description', 'plain_text_input'],
      ['visibility', 'checkboxes'],
    ]);
    expect(view.blocks[1]?.element.initial_option?.value).toBe('sev3');
    expect(await h.app.store.openIncidents({ platform: 'slack', workspace: h.fake.teamId })).toEqual([]);
  });

  it('declares the incident when the modal is submitted, and says so in the channel it came from', async () => {
    h = await startSlackHarness();
    await h.command('start', { user_id: FAKE_IDS.bob, channel_id: FAKE_IDS.general });
    const view = await openedView(h);
    const answer = await h.interaction(
      viewSubmissionPayload(h.fake, {
        callback_id: view.callback_id,
        private_metadata: view.private_metadata,
        user_id: FAKE_IDS.bob,
        values: {
          title: { value: { type: 'plain_text_input', value: 'login fails for SSO users' } },
          severity: { value: { type: 'static_select', selected_option: { value: 'sev1' } } },
          description: { value: { type: 'plain_text_input', value: 'Okta returns 500' } },
        },
      }),
    );
    expect(answer.status).toBe(200);
    const reply = await h.fake.waitForResponseUrlPost((post) => String(post.body?.text).includes('declared'));
    expect(reply.context.channelId).toBe(FAKE_IDS.general);
    expect(reply.body).toMatchObject({ response_type: 'in_channel' });
    await h.settle();
    const incident = await h.incident();
    expect([incident.title, incident.severity, incident.declaredBy.id]).toEqual([
      'login fails for SSO users',
      'SEV1',
      FAKE_IDS.bob,
    ]);
    expect(incident.channel?.name).toBe('inc-1-login-fails-for-sso-users');
  });

  it('declares a private incident when its box is ticked: a private channel, answered to the declarer only', async () => {
    h = await startSlackHarness();
    await h.command('start', { user_id: FAKE_IDS.bob, channel_id: FAKE_IDS.general });
    const view = await openedView(h);
    await h.interaction(
      viewSubmissionPayload(h.fake, {
        callback_id: view.callback_id,
        private_metadata: view.private_metadata,
        user_id: FAKE_IDS.bob,
        values: {
          title: { value: { type: 'plain_text_input', value: 'customer data exposed' } },
          severity: { value: { type: 'static_select', selected_option: { value: 'sev1' } } },
          visibility: { value: { type: 'checkboxes', selected_options: [{ value: 'private' }] } },
        },
      }),
    );
    const reply = await h.fake.waitForResponseUrlPost((post) => String(post.body?.text).includes('declared'));
    expect(reply.body).toMatchObject({ response_type: 'ephemeral' });
    await h.settle();
    const incident = await h.incident();
    expect(incident.private).toBe(true);
    expect(h.fake.workspace.channels.get(incident.channel?.id ?? '')?.is_private).toBe(true);
  });

  it('preselects the severity typed after start', async () => {
    h = await startSlackHarness();
    await h.command('start sev1');
    expect((await openedView(h)).blocks[1]?.element.initial_option?.value).toBe('sev1');
  });
});
