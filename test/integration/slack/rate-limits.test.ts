import { afterEach, describe, expect, it } from 'vitest';
import { SLACK_RETRY_POLICY } from '../../../adapters/slack/create-bolt-app.ts';
import { type SlackHarness, startSlackHarness } from './slack-harness.ts';

let h: SlackHarness | undefined;
afterEach(async () => {
  expect(h?.fake.specViolations()).toEqual([]);
  await h?.close();
  h = undefined;
});

describe('Slack answering 429 Too Many Requests', () => {
  it('waits for Retry-After through the Web API client, then posts the summary', async () => {
    // The production retry policy, not the tests' quick one.
    h = await startSlackHarness({ overrides: { retryConfig: SLACK_RETRY_POLICY } });
    h.fake.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
    await h.command('start sev2 checkout errors');
    await h.settle();
    const channel = (await h.incident()).channel?.id as string;
    const posts = h.fake.callsTo('chat.postMessage');
    expect(posts.slice(0, 2).map((call) => call.status)).toEqual([429, 200]);
    expect(posts[0]?.params.channel).toBe(channel);
    expect(h.fake.workspace.pins(channel)).toHaveLength(1);
  });

  it('gives a clear answer when Slack keeps refusing, instead of silence', async () => {
    h = await startSlackHarness({
      overrides: { retryConfig: { retries: 1, minTimeout: 10, maxTimeout: 10 } },
    });
    await h.command('start sev2 checkout errors');
    await h.settle();
    const channel = (await h.incident()).channel?.id as string;
    h.fake.failNext('files.getUploadURLExternal', { status: 429, retryAfter: 1 }, 2);
    await h.command('postmortem', { channel_id: channel });
    const answer = await h.fake.waitForResponseUrlPost(
      (post) => post.body?.response_type === 'ephemeral' && String(post.body?.text).includes('rate-limiting'),
    );
    expect(answer.body?.text).toContain('I could not upload');
  });
});
