import { describe, expect, it } from 'vitest';
import { toTicketError } from '../../../src/follow-ups/github-tickets.ts';
import { toJiraError } from '../../../src/follow-ups/jira-tickets.ts';
import { retryAfterMs } from '../../../src/follow-ups/ticket-client.ts';

const NOW = Date.parse('2026-12-04T10:00:00Z');
const github = (status: number, headers: Record<string, string> = {}, message = 'nope') =>
  toTicketError({ status, response: { headers, data: { message } } }, 'creating the GitHub issue', NOW);

describe("GitHub's answers, as retries", () => {
  it('waits what a secondary rate limit asks (403 with retry-after)', () => {
    expect(github(403, { 'retry-after': '60' })).toMatchObject({
      retryable: true,
      retryAfterMs: 60_000,
      status: 403,
    });
  });
  it('waits for the reset of an exhausted primary limit', () => {
    const reset = String(NOW / 1000 + 120);
    expect(github(403, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset })).toMatchObject({
      retryable: true,
      retryAfterMs: 120_000,
    });
  });
  it('retries 429 and 5xx, and not a plain 403, 404 or 422', () => {
    expect([429, 502, 403, 404, 422].map((status) => github(status).retryable)).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
  });
  it("says GitHub's message, and nothing of the request", () => {
    const error = toTicketError(
      {
        status: 401,
        request: { headers: { authorization: 'token ghp_secret' } },
        response: { headers: {}, data: { message: 'Bad credentials' } },
      },
      'creating the GitHub issue',
      NOW,
    );
    expect(error.message).toBe('GitHub answered HTTP 401 while creating the GitHub issue: Bad credentials');
    expect(JSON.stringify({ ...error, message: error.message, cause: error.cause })).not.toContain(
      'ghp_secret',
    );
  });
});

describe("Jira's answers, as retries", () => {
  it("waits what a 429's Retry-After asks and keeps Jira's messages", () => {
    const error = toJiraError(
      {
        status: 429,
        response: { data: { errorMessages: ['Rate limit exceeded.'] } },
        cause: {
          response: { headers: { 'retry-after': '5' } },
          config: { headers: { Authorization: 'Basic c2VjcmV0' } },
        },
      },
      'creating the Jira issue',
      NOW,
    );
    expect(error).toMatchObject({ retryable: true, retryAfterMs: 5000, status: 429 });
    expect(error.message).toBe('Jira answered HTTP 429 while creating the Jira issue: Rate limit exceeded.');
    expect(error.cause).toBeUndefined();
  });
  it('names the fields Jira refused', () => {
    const error = toJiraError(
      {
        status: 400,
        response: { data: { errorMessages: [], errors: { priority: 'Priority name "High" is not valid' } } },
        cause: { response: { headers: {} } },
      },
      'creating the Jira issue',
    );
    expect(error).toMatchObject({ retryable: false, status: 400 });
    expect(error.message).toContain('priority: Priority name "High" is not valid');
  });
});

describe('Retry-After', () => {
  it('reads seconds and HTTP dates', () => {
    expect(retryAfterMs('30', NOW)).toBe(30_000);
    expect(retryAfterMs('Fri, 04 Dec 2026 10:01:00 GMT', NOW)).toBe(60_000);
    expect(retryAfterMs('soon', NOW)).toBeUndefined();
  });
});
