import { PagerDeliveryError } from '../../ports/pager.ts';

export interface JsonPost {
  pager: string;
  /** How the failure message names the receiver: "the webhook", "PagerDuty". */
  receiver: string;
  url: string;
  /** The raw body, exactly as signed. */
  body: string;
  headers?: Record<string, string>;
  timeoutMs: number;
}

export interface JsonAnswer {
  status: number;
  text: string;
}

/**
 * POSTs a JSON body with a per-request time limit, and sorts failures into retryable (no answer,
 * 408, 429, 5xx) and permanent (any other non-2xx). Redirects are not followed: fetch would turn
 * the POST into a GET and drop the page, so a moved endpoint must be fixed in the config.
 */
export async function postJson(request: JsonPost): Promise<JsonAnswer> {
  let response: Response;
  let text: string;
  try {
    response = await fetch(request.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'tocsin', ...request.headers },
      body: request.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(request.timeoutMs),
    });
    text = await response.text();
  } catch (error) {
    const timedOut = (error as Error).name === 'TimeoutError' || (error as Error).name === 'AbortError';
    const message = timedOut
      ? `${request.receiver} did not answer within ${request.timeoutMs / 1000}s`
      : `${request.receiver} could not be reached (${describeCause(error)})`;
    throw new PagerDeliveryError(request.pager, message, { retryable: true, cause: error });
  }
  const { status } = response;
  if (status >= 200 && status < 300) return { status, text };
  const retryable = status === 408 || status === 429 || status >= 500;
  const retryAfterMs = retryAfter(response.headers.get('retry-after'));
  const redirect =
    status >= 300 && status < 400 ? ` (a redirect to ${response.headers.get('location') ?? '?'})` : '';
  throw new PagerDeliveryError(
    request.pager,
    `${request.receiver} answered HTTP ${status}${redirect}${excerpt(text)}`,
    { retryable, status, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) },
  );
}

function describeCause(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message;
}

function retryAfter(header: string | null): number | undefined {
  if (header === null) return undefined;
  const seconds = Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}

/** A short, single-line look at what the receiver said, so the channel message explains itself. */
function excerpt(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (!line) return '';
  return `: ${line.length > 200 ? `${line.slice(0, 200)}…` : line}`;
}
