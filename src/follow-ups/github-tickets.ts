import { Octokit } from '@octokit/rest';
import type { TicketRef } from '../core/model/events.ts';
import type { GithubFollowUps } from './follow-ups-config.ts';
import {
  excerpt,
  isRetryableStatus,
  retryAfterMs,
  TICKET_TIMEOUT_MS,
  type TicketClient,
  TicketError,
  type TicketRequest,
} from './ticket-client.ts';
import { itemMarker, ticketMarkdown } from './ticket-text.ts';

const QUIET_LOG = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

/** GitHub issues through @octokit/rest; retries are BullMQ's (see toTicketError), not Octokit's. */
export class GithubTickets implements TicketClient {
  readonly system = 'github' as const;
  private readonly octokit: Octokit;
  private readonly owner: string;
  private readonly repo: string;

  constructor(private readonly config: GithubFollowUps) {
    this.octokit = new Octokit({
      auth: config.token,
      baseUrl: config.api_url,
      userAgent: 'tocsin',
      log: QUIET_LOG,
    });
    [this.owner, this.repo] = config.repo.split('/') as [string, string];
  }

  async create(request: TicketRequest): Promise<TicketRef> {
    const labels = [...this.config.labels, `priority: ${request.item.priority}`];
    try {
      const made = await this.findMade(itemMarker(request));
      if (made) return made;
      const { data } = await this.octokit.rest.issues.create({
        owner: this.owner,
        repo: this.repo,
        title: request.title,
        body: ticketMarkdown(request),
        labels,
        ...(request.assignee === undefined ? {} : { assignees: [request.assignee] }),
        request: { signal: AbortSignal.timeout(TICKET_TIMEOUT_MS) },
      });
      return { system: 'github', key: `${this.config.repo}#${data.number}`, url: data.html_url };
    } catch (error) {
      throw toTicketError(error, 'creating the GitHub issue');
    }
  }

  /** The newest issues (not a search: those lag behind), for one whose body carries the marker. */
  private async findMade(marker: string): Promise<TicketRef | undefined> {
    const { data } = await this.octokit.rest.issues.listForRepo({
      owner: this.owner,
      repo: this.repo,
      state: 'all',
      sort: 'created',
      direction: 'desc',
      per_page: 50,
      request: { signal: AbortSignal.timeout(TICKET_TIMEOUT_MS) },
    });
    const issue = data.find((candidate) => !candidate.pull_request && candidate.body?.includes(marker));
    return issue && { system: 'github', key: `${this.config.repo}#${issue.number}`, url: issue.html_url };
  }

  async isClosed(key: string): Promise<boolean> {
    const number = Number(key.slice(key.lastIndexOf('#') + 1));
    try {
      const { data } = await this.octokit.rest.issues.get({
        owner: this.owner,
        repo: this.repo,
        issue_number: number,
        request: { signal: AbortSignal.timeout(TICKET_TIMEOUT_MS) },
      });
      return data.state === 'closed';
    } catch (error) {
      throw toTicketError(error, `reading GitHub issue ${key}`);
    }
  }
}

interface OctokitFailure {
  status?: number;
  message?: string;
  response?: { headers?: Record<string, string | undefined>; data?: unknown };
}

/**
 * GitHub's rate limits answer 429, or 403 with `retry-after` (secondary limits) or with
 * `x-ratelimit-remaining: 0` and the reset time (primary): all three wait and retry.
 */
export function toTicketError(error: unknown, doing: string, now = Date.now()): TicketError {
  const failure = error as OctokitFailure;
  const status = typeof failure.status === 'number' ? failure.status : undefined;
  if (status === undefined || (status === 500 && failure.response === undefined)) {
    return new TicketError('github', `GitHub could not be reached while ${doing}`, { retryable: true });
  }
  const headers = failure.response?.headers ?? {};
  const asked = retryAfterMs(headers['retry-after'], now);
  const reset = Number(headers['x-ratelimit-reset']);
  const exhausted = headers['x-ratelimit-remaining'] === '0' && Number.isFinite(reset);
  const wait = asked ?? (exhausted ? Math.max(0, reset * 1000 - now) : undefined);
  const rateLimited = status === 429 || (status === 403 && wait !== undefined);
  return new TicketError(
    'github',
    `GitHub answered HTTP ${status} while ${doing}${excerpt(messageOf(failure))}`,
    {
      status,
      retryable: rateLimited || isRetryableStatus(status),
      ...(wait === undefined ? {} : { retryAfterMs: wait }),
    },
  );
}

function messageOf(failure: OctokitFailure): unknown {
  const data = failure.response?.data as { message?: unknown } | undefined;
  return data?.message ?? '';
}
