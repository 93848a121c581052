import type { TicketRef, TicketSystem } from '../core/model/events.ts';
import type { ActionItemState, IncidentState } from '../core/model/incident-state.ts';

/** What a ticket is made of; the text is already redacted. */
export interface TicketRequest {
  incident: IncidentState;
  item: ActionItemState;
  title: string;
  text: string;
  /** Where the incident is read: the web view when WEB_BASE_URL is set, else its chat channel. */
  link?: string;
  /** The owner's login (GitHub) or account id (Jira), from `follow_ups.users`. */
  assignee?: string;
}

/** One ticket system, as the export job and the sync see it. */
export interface TicketClient {
  readonly system: TicketSystem;
  /**
   * An earlier attempt may have created the ticket and lost the answer: a client that can find it
   * (GitHub, by the marker in the body) returns that one instead of creating another.
   */
  create(request: TicketRequest): Promise<TicketRef>;
  /** Whether the ticket is closed (GitHub) or in a done status category (Jira). */
  isClosed(key: string): Promise<boolean>;
}

/**
 * A failed call to a ticket system, stripped of the client's own error: those carry the request,
 * and the request carries the credentials. `retryAfterMs` is read by src/jobs/retry-delay.ts.
 */
export class TicketError extends Error {
  readonly system: TicketSystem;
  readonly status: number | undefined;
  readonly retryable: boolean;
  readonly retryAfterMs: number | undefined;

  constructor(
    system: TicketSystem,
    message: string,
    details: { status?: number; retryable: boolean; retryAfterMs?: number },
  ) {
    super(message);
    this.name = 'TicketError';
    this.system = system;
    this.status = details.status;
    this.retryable = details.retryable;
    this.retryAfterMs = details.retryAfterMs;
  }
}

/** Per request: a service that hangs gives the worker back, and the job is retried later. */
export const TICKET_TIMEOUT_MS = 15_000;

/** Seconds (`Retry-After: 30`) or an HTTP date, as milliseconds from now. */
export function retryAfterMs(header: unknown, now = Date.now()): number | undefined {
  if (typeof header !== 'string' || header.trim() === '') return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** A short, single-line look at what the service said, so the channel message explains itself. */
export function excerpt(text: unknown): string {
  const line = (typeof text === 'string' ? text : JSON.stringify(text ?? '')).replace(/\s+/g, ' ').trim();
  if (!line || line === '""') return '';
  return `: ${line.length > 200 ? `${line.slice(0, 200)}…` : line}`;
}

/** 408, 429 and 5xx are worth another try; other answers will not change. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}
