import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { SCOPE_OF_METHOD } from '../../../adapters/slack/explain-slack-error.ts';
import {
  blockActionsPayload,
  FAKE_IDS,
  humanMessage,
  viewSubmissionPayload,
} from '../../fakes/slack/index.ts';
import {
  buttonsOf,
  pinnedSummary,
  type SlackHarness,
  slackConfig,
  startSlackHarness,
} from './slack-harness.ts';

let h: SlackHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const { alice, bob, carol, general } = FAKE_IDS;

describe.each(['http', 'socket'] as const)('a whole incident run from Slack (%s mode)', (mode) => {
  it('declares, opens the channel, captures the talk, changes severity, resolves and uploads the postmortem', async () => {
    h = await startSlackHarness({
      mode,
      config: slackConfig({ responders: [FAKE_IDS.oncallGroup, carol], announce_channel: general }),
    });
    const { fake } = h;

    // Declare from #general: acked, echoed in the channel, and a channel opened by a job.
    expect(await h.command('start sev2 checkout errors', { user_id: alice, channel_id: general })).toEqual({
      acked: true,
      status: 200,
    });
    const declared = await fake.waitForResponseUrlPost((post) =>
      String(post.body?.text).includes('INC-1 declared'),
    );
    expect(declared.body).toMatchObject({ response_type: 'in_channel' });
    await h.settle();
    const incident = await h.incident();
    const channel = incident.channel?.id as string;
    expect(incident.channel?.name).toBe('inc-1-checkout-errors');
    expect(fake.workspace.channels.get(channel)?.members.sort()).toEqual(
      [FAKE_IDS.botUser, alice, bob, carol].sort(),
    );
    const summary = pinnedSummary(h, channel);
    expect([...buttonsOf(summary).keys()]).toEqual(['Acknowledge', 'Change severity', 'Resolve']);
    const announcement = fake.workspace.topLevel(general).find((m) => m.text.includes(`<#${channel}>`));
    expect(JSON.stringify(announcement?.blocks)).toContain(`<#${channel}>`);

    // People talk: a message, a thread reply, an edit, a file, a deletion; a 📌 promotes.
    const said = humanMessage(fake.workspace, { channel, user: bob, text: 'seeing 502s on checkout' });
    await h.event(said);
    const reply = humanMessage(fake.workspace, {
      channel,
      user: carol,
      text: 'db cpu 100%',
      thread_ts: String(said.ts),
    });
    await h.event(reply);
    await h.event({
      type: 'message',
      subtype: 'message_changed',
      channel,
      hidden: true,
      ts: fake.workspace.nextTs(),
      message: {
        type: 'message',
        user: bob,
        text: 'seeing 502s on checkout and cart',
        ts: said.ts,
        edited: { user: bob, ts: fake.workspace.nextTs() },
      },
      previous_message: { type: 'message', user: bob, text: 'seeing 502s on checkout', ts: said.ts },
    });
    const file = humanMessage(fake.workspace, {
      channel,
      user: alice,
      text: '',
      subtype: 'file_share',
      files: [{ id: 'F0GRAPH', name: 'errors.png', mimetype: 'image/png', size: 2048 }],
    });
    await h.event(file);
    const oops = humanMessage(fake.workspace, { channel, user: alice, text: 'wrong channel, sorry' });
    await h.event(oops);
    await h.event({
      type: 'message',
      subtype: 'message_deleted',
      channel,
      hidden: true,
      ts: fake.workspace.nextTs(),
      deleted_ts: oops.ts,
      previous_message: { type: 'message', user: alice, text: 'wrong channel, sorry', ts: oops.ts },
    });
    await h.event({
      type: 'reaction_added',
      user: alice,
      reaction: 'pushpin',
      item: { type: 'message', channel, ts: said.ts },
      item_user: bob,
      event_ts: fake.workspace.nextTs(),
    });
    await expect.poll(async () => (await h?.events('message_promoted'))?.length).toBe(1);
    await expect.poll(async () => (await h?.events('message_deleted'))?.length).toBe(1);
    const captured = await h.events('message_captured');
    expect(captured.map((event) => [event.messageId, event.threadId, event.occurredAt])).toEqual([
      [said.ts, undefined, tsToIso(String(said.ts))],
      [reply.ts, said.ts, tsToIso(String(reply.ts))],
      [file.ts, undefined, tsToIso(String(file.ts))],
      [oops.ts, undefined, tsToIso(String(oops.ts))],
    ]);
    expect(captured[2]?.files).toEqual([
      { id: 'F0GRAPH', name: 'errors.png', mimetype: 'image/png', size: 2048 },
    ]);
    expect((await h.events('message_edited'))[0]).toMatchObject({
      messageId: said.ts,
      text: 'seeing 502s on checkout and cart',
    });

    // A command typed in the channel echoes to everyone there.
    await h.command('note rolled back deploy 4411', { user_id: alice, channel_id: channel });
    const noted = await fake.waitForResponseUrlPost((post) => String(post.body?.text).startsWith('Noted'));
    expect(noted.body).toMatchObject({ response_type: 'in_channel', text: 'Noted: rolled back deploy 4411' });

    // Change severity: the summary's button opens a modal, its submission records the change.
    const changeSeverity = buttonsOf(summary).get('Change severity');
    await h.interaction(
      blockActionsPayload(fake, {
        actions: [{ action_id: changeSeverity?.action_id ?? '', value: changeSeverity?.value ?? '' }],
        channel_id: channel,
        user_id: bob,
        message: { ...summary },
      }),
    );
    const opened = await fake.waitForCall('views.open');
    const view = opened.params.view as { callback_id: string; private_metadata: string };
    await h.interaction(
      viewSubmissionPayload(fake, {
        callback_id: view.callback_id,
        private_metadata: view.private_metadata,
        user_id: bob,
        values: {
          severity: { value: { type: 'static_select', selected_option: { value: 'sev1' } } },
          reason: { value: { type: 'plain_text_input', value: 'all regions' } },
        },
      }),
    );
    await expect.poll(async () => (await h?.incident())?.severity).toBe('SEV1');
    await h.settle();
    expect(JSON.stringify(pinnedSummary(h, channel).blocks)).toContain('INC-1 SEV1: checkout errors');

    // Resolve from the summary's button; the summary loses its buttons.
    const resolve = buttonsOf(pinnedSummary(h, channel)).get('Resolve');
    await h.interaction(
      blockActionsPayload(fake, {
        actions: [{ action_id: resolve?.action_id ?? '', value: resolve?.value ?? '' }],
        channel_id: channel,
        user_id: alice,
        message: { ...pinnedSummary(h, channel) },
      }),
    );
    await expect.poll(async () => (await h?.incident())?.status).toBe('resolved');
    await h.settle();
    expect(buttonsOf(pinnedSummary(h, channel)).size).toBe(0);

    // The timeline shows the promoted message at the time it was said, with its edit.
    await h.command('timeline', { user_id: alice, channel_id: channel });
    const timeline = await fake.waitForResponseUrlPost((post) =>
      String(post.body?.text).startsWith('Timeline of INC-1'),
    );
    expect(timeline.body).toMatchObject({ response_type: 'ephemeral' });
    expect(JSON.stringify(timeline.body?.blocks)).toContain('seeing 502s on checkout and cart');

    // The postmortem draft is written to POSTMORTEM_DIR and the same bytes are uploaded.
    await h.command('postmortem', { user_id: alice, channel_id: channel });
    await h.settle();
    const generated = await h.events('postmortem_generated');
    expect(generated).toHaveLength(1);
    const complete = await fake.waitForCall('files.completeUploadExternal');
    expect(complete.params.channel_id).toBe(channel);
    const fileId = (complete.params.files as { id: string }[])[0]?.id ?? '';
    expect(fake.fileBytes(fileId)?.equals(readFileSync(generated[0]?.path ?? ''))).toBe(true);

    expect(fake.specViolations()).toEqual([]);
    // Every method called has its scope listed (and slack-app-manifest.yml asks for all of those).
    const unscoped = new Set(['auth.test', 'apps.connections.open', 'views.open']);
    const called = new Set(
      fake.calls.map((call) => call.method.replace(/^files\..*UploadExternal$/, 'files.uploadV2')),
    );
    expect([...called].filter((method) => !unscoped.has(method) && !SCOPE_OF_METHOD[method])).toEqual([]);
    expect(h.logs).toEqual([]);
  });
});

function tsToIso(ts: string): string {
  const [seconds = '0', micros = '0'] = ts.split('.');
  return new Date(Number(seconds) * 1000 + Math.floor(Number(micros) / 1000)).toISOString();
}
