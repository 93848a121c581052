import { describe, expect, it } from 'vitest';
import { explainSlackError } from '../../../adapters/slack/explain-slack-error.ts';
import { asSlackPlatformError, SlackPlatformError } from '../../../adapters/slack/slack-platform-error.ts';

const platformError = (error: string, extra: Record<string, unknown> = {}) => ({
  code: 'slack_webapi_platform_error',
  data: { ok: false, error, ...extra },
});

describe('explaining what Slack refused', () => {
  it('names the missing scope and the fix', () => {
    const error = asSlackPlatformError(platformError('missing_scope', { needed: 'pins:write' }), 'pins.add');
    const text = explainSlackError(error, 'pin the summary');
    expect(text).toContain('I could not pin the summary');
    expect(text).toContain('`pins:write`');
    expect(text).toContain('OAuth & Permissions');
    expect(text).toContain('reinstalls the app');
  });

  it("knows a method's scope when Slack does not say it", () => {
    const error = asSlackPlatformError(platformError('missing_scope'), 'conversations.create');
    expect(explainSlackError(error, 'open a channel')).toContain('`channels:manage`');
  });

  it('names /invite when tocsin is not in the channel', () => {
    const error = asSlackPlatformError(platformError('not_in_channel'), 'chat.postMessage', 'C0RANDOM');
    expect(explainSlackError(error, 'post there')).toContain('not a member of <#C0RANDOM>');
    expect(explainSlackError(error, 'post there')).toContain('/invite @tocsin');
  });

  it('says how to unarchive an archived channel', () => {
    const error = new SlackPlatformError('is_archived', 'chat.postMessage', { channel: 'C1' });
    expect(explainSlackError(error, 'post there')).toContain('Unarchive');
  });

  it('points at the token when Slack rejects it', () => {
    const error = asSlackPlatformError(platformError('invalid_auth'), 'chat.postMessage');
    expect(explainSlackError(error, 'post')).toContain('SLACK_BOT_TOKEN');
  });
});

describe('errors from the Web API client', () => {
  it('keep the method, the status and the retry-after of a rate limit', () => {
    const error = asSlackPlatformError(
      { code: 'slack_webapi_rate_limited_error', retryAfter: 30 },
      'chat.postMessage',
    );
    expect([error.code, error.method, error.status, error.retryAfterSeconds, error.transient]).toEqual([
      'ratelimited',
      'chat.postMessage',
      429,
      30,
      true,
    ]);
  });

  it('treat a refusal as permanent and a 5xx as transient', () => {
    expect(asSlackPlatformError(platformError('missing_scope'), 'x').transient).toBe(false);
    expect(asSlackPlatformError({ code: 'slack_webapi_http_error', statusCode: 503 }, 'x').transient).toBe(
      true,
    );
  });

  it('recognise a rate limit the client gave up on', () => {
    const error = asSlackPlatformError(
      {
        code: 'slack_webapi_request_error',
        original: { message: 'A rate limit was exceeded (url: x, retry-after: 1)' },
      },
      'files.uploadV2',
    );
    expect(error.code).toBe('ratelimited');
  });
});
