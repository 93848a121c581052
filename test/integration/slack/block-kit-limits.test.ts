import { afterEach, describe, expect, it } from 'vitest';
import type { IncidentEvent } from '../../../src/core/model/events.ts';
import { BLOCK_LIMITS, FAKE_IDS, type ResponseUrlPost, validateBlocks } from '../../fakes/slack/index.ts';
import { pinnedSummary, type SlackHarness, startSlackHarness } from './slack-harness.ts';

let h: SlackHarness | undefined;
afterEach(async () => {
  expect(h?.fake.specViolations()).toEqual([]);
  await h?.close();
  h = undefined;
});

const ENTRIES = 500;

/**
 * Declares, then records 499 messages promoted to the timeline straight into the log (typing 499
 * messages through Slack would prove nothing more here, and take a while).
 */
async function incidentWithEntries(
  harness: SlackHarness,
  entryText: (index: number) => string,
): Promise<string> {
  await harness.command('start sev2 checkout errors');
  await harness.settle();
  const incident = await harness.incident();
  const channel = incident.channel?.id as string;
  const base = {
    actor: { id: FAKE_IDS.bob, name: 'bob' },
    origin: { platform: 'slack', workspace: harness.fake.teamId, channel },
  };
  const start = Date.parse(incident.declaredAt);
  const events: IncidentEvent[] = [];
  for (let index = 0; index < ENTRIES - 1; index++) {
    const at = new Date(start + index * 1000).toISOString();
    const messageId = `${Math.floor(start / 1000) + index}.000100`;
    events.push(
      { ...base, at, type: 'message_captured', messageId, text: entryText(index), occurredAt: at },
      { ...base, at, type: 'message_promoted', messageId },
    );
  }
  await harness.app.store.appendChatter(incident.ref, events);
  return channel;
}

function expectWithinLimits(posts: readonly ResponseUrlPost[]): void {
  for (const post of posts) {
    expect(validateBlocks(post.body?.blocks)).toEqual([]);
    expect(String(post.body?.text).length).toBeLessThanOrEqual(BLOCK_LIMITS.messageText);
    expect(post.status).toBe(200);
  }
}

describe('a 500-entry /incident timeline', () => {
  it('is split into messages that each stay within Block Kit limits, and shows every entry', async () => {
    h = await startSlackHarness();
    const channel = await incidentWithEntries(h, (index) => `step ${index} done`);
    await h.command('timeline', { channel_id: channel });
    await h.settle();
    const posts = h.fake.responseUrlPosts.filter((post) => post.body?.response_type === 'ephemeral');
    expect(posts.length).toBeGreaterThan(1);
    expectWithinLimits(posts);
    const shown = JSON.stringify(posts.map((post) => post.body?.blocks));
    for (let index = 0; index < ENTRIES - 1; index++) expect(shown).toContain(`step ${index} done`);
    expect(shown).toContain('Incident declared');
  });

  it('with long entries goes out as a file, privately, with every entry in it', async () => {
    h = await startSlackHarness();
    const long = 'x'.repeat(300);
    const channel = await incidentWithEntries(h, (index) => `entry ${index} ${long}`);
    await h.command('timeline', { channel_id: channel, user_id: FAKE_IDS.alice });
    await h.settle();
    const posts = h.fake.responseUrlPosts.filter((post) => post.body?.response_type === 'ephemeral');
    expectWithinLimits(posts);
    expect(JSON.stringify(posts.map((post) => post.body))).toContain('as a file in a direct message');
    const complete = await h.fake.waitForCall('files.completeUploadExternal');
    const dm = h.fake.workspace.channels.get(String(complete.params.channel_id));
    expect(dm).toMatchObject({ is_im: true, user: FAKE_IDS.alice });
    const fileId = (complete.params.files as { id: string }[])[0]?.id ?? '';
    const content = h.fake.fileBytes(fileId)?.toString('utf8') ?? '';
    for (let index = 0; index < ENTRIES - 1; index++) expect(content).toContain(`entry ${index} ${long}`);
  });
});

describe('the summary', () => {
  it('stays a valid message with a title at the 150-character limit', async () => {
    h = await startSlackHarness();
    await h.command(`start sev2 ${'very long title '.repeat(10).slice(0, 150)}`);
    await h.settle();
    const channel = (await h.incident()).channel?.id as string;
    expect(h.fake.callsTo('chat.postMessage').every((call) => call.response?.ok === true)).toBe(true);
    const header = (pinnedSummary(h, channel).blocks as { text: { text: string } }[])[0];
    expect(header?.text.text.length).toBeLessThanOrEqual(BLOCK_LIMITS.headerText);
  });
});
