import { Version3Client } from 'jira.js';
import type { Priority, TicketRef } from '../core/model/events.ts';
import type { JiraFollowUps } from './follow-ups-config.ts';
import {
  excerpt,
  isRetryableStatus,
  retryAfterMs,
  TICKET_TIMEOUT_MS,
  type TicketClient,
  TicketError,
  type TicketRequest,
} from './ticket-client.ts';
import { ticketAdf } from './ticket-text.ts';

/** Jira Cloud's default priority scheme names. */
const JIRA_PRIORITY: Record<Priority, string> = { high: 'High', medium: 'Medium', low: 'Low' };

/** Jira Cloud REST v3 through jira.js (basic auth: email and API token). */
export class JiraTickets implements TicketClient {
  readonly system = 'jira' as const;
  private readonly client: Version3Client;

  constructor(private readonly config: JiraFollowUps) {
    this.client = new Version3Client({
      host: config.site,
      authentication: { basic: { email: config.email, apiToken: config.token } },
      baseRequestConfig: { timeout: TICKET_TIMEOUT_MS },
    });
  }

  async create(request: TicketRequest): Promise<TicketRef> {
    try {
      const created = await this.client.issues.createIssue({
        fields: {
          project: { key: this.config.project },
          issuetype: { name: this.config.issue_type },
          summary: request.title,
          description: ticketAdf(request) as never,
          priority: { name: JIRA_PRIORITY[request.item.priority] },
          ...(request.item.due === undefined ? {} : { duedate: request.item.due }),
          ...(request.assignee === undefined ? {} : { assignee: { accountId: request.assignee } }),
        },
      });
      return { system: 'jira', key: created.key, url: `${this.config.site}/browse/${created.key}` };
    } catch (error) {
      throw toJiraError(error, 'creating the Jira issue');
    }
  }

  async isClosed(key: string): Promise<boolean> {
    try {
      const issue = await this.client.issues.getIssue({ issueIdOrKey: key, fields: ['status'] });
      return issue.fields.status?.statusCategory?.key === 'done';
    } catch (error) {
      throw toJiraError(error, `reading Jira issue ${key}`);
    }
  }
}

interface JiraFailure {
  status?: unknown;
  response?: { data?: unknown };
  cause?: { response?: { headers?: Record<string, unknown> } };
}

/** jira.js hands back axios' error (with the Authorization header) as the cause: only facts are kept. */
export function toJiraError(error: unknown, doing: string, now = Date.now()): TicketError {
  const failure = error as JiraFailure;
  const headers = failure.cause?.response?.headers;
  if (typeof failure.status !== 'number' || headers === undefined) {
    return new TicketError('jira', `Jira could not be reached while ${doing}`, { retryable: true });
  }
  const status = failure.status;
  const wait = retryAfterMs(headers['retry-after'], now);
  return new TicketError(
    'jira',
    `Jira answered HTTP ${status} while ${doing}${excerpt(jiraMessage(failure.response?.data))}`,
    {
      status,
      retryable: isRetryableStatus(status),
      ...(wait === undefined ? {} : { retryAfterMs: wait }),
    },
  );
}

/** Jira's `{errorMessages: [...], errors: {field: message}}`, in one line. */
function jiraMessage(data: unknown): string {
  const body = data as { errorMessages?: unknown; errors?: unknown } | undefined;
  const messages = Array.isArray(body?.errorMessages) ? body.errorMessages.map(String) : [];
  const errors =
    body?.errors && typeof body.errors === 'object'
      ? Object.entries(body.errors as Record<string, unknown>).map(
          ([field, message]) => `${field}: ${String(message)}`,
        )
      : [];
  return [...messages, ...errors].join('; ');
}
