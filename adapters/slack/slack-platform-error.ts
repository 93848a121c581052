import { SystemError } from '../../src/core/public-api.ts';

/** Answers that can heal on their own: trying the same call later may work. */
const TRANSIENT = new Set([
  'ratelimited',
  'rate_limited',
  'internal_error',
  'fatal_error',
  'service_unavailable',
  'request_timeout',
  'team_added_to_org',
  'http_error',
  'request_error',
]);

/**
 * A Web API call Slack refused or that never got an answer: the platform, the method, the HTTP
 * status, Slack's own error code (`missing_scope`, `not_in_channel`…), and what else Slack said.
 */
export class SlackPlatformError extends SystemError {
  readonly platform = 'slack';
  readonly method: string;
  readonly status: number | undefined;
  /** For `missing_scope`: the scope the method needs. */
  readonly neededScope: string | undefined;
  readonly retryAfterSeconds: number | undefined;
  /** The channel the call was about, for explanations. */
  readonly channel: string | undefined;

  constructor(
    code: string,
    method: string,
    details: {
      status?: number;
      neededScope?: string;
      retryAfterSeconds?: number;
      channel?: string;
      cause?: unknown;
    },
  ) {
    super(code, `Slack ${method} failed: ${code}`, { cause: details.cause });
    this.name = 'SlackPlatformError';
    this.method = method;
    this.status = details.status;
    this.neededScope = details.neededScope;
    this.retryAfterSeconds = details.retryAfterSeconds;
    this.channel = details.channel;
  }

  /** False when retrying the same call cannot help (a missing scope, an archived channel…). */
  get transient(): boolean {
    return TRANSIENT.has(this.code);
  }
}

interface WebApiErrorShape {
  code?: string;
  statusCode?: number;
  retryAfter?: number;
  original?: { message?: string };
  data?: { error?: string; needed?: string; response_metadata?: { retryAfter?: number } };
}

/** Normalises what @slack/web-api (or a response_url post) threw into a SlackPlatformError. */
export function asSlackPlatformError(error: unknown, method: string, channel?: string): SlackPlatformError {
  if (error instanceof SlackPlatformError) return error;
  const shape = (typeof error === 'object' && error !== null ? error : {}) as WebApiErrorShape;
  const where = channel === undefined ? {} : { channel };
  switch (shape.code) {
    case 'slack_webapi_platform_error':
      return new SlackPlatformError(shape.data?.error ?? 'unknown_error', method, {
        status: 200,
        ...(shape.data?.needed ? { neededScope: shape.data.needed } : {}),
        ...where,
        cause: error,
      });
    case 'slack_webapi_rate_limited_error':
      return new SlackPlatformError('ratelimited', method, {
        status: 429,
        ...(shape.retryAfter === undefined ? {} : { retryAfterSeconds: shape.retryAfter }),
        ...where,
        cause: error,
      });
    case 'slack_webapi_http_error':
      return new SlackPlatformError(shape.statusCode === 429 ? 'ratelimited' : 'http_error', method, {
        ...(shape.statusCode === undefined ? {} : { status: shape.statusCode }),
        ...where,
        cause: error,
      });
    default: {
      // The client gives up on a 429 by rethrowing its own "rate limit was exceeded" as a request error.
      const limited = /rate limit/i.test(shape.original?.message ?? '');
      return new SlackPlatformError(limited ? 'ratelimited' : 'request_error', method, {
        ...(limited ? { status: 429 } : {}),
        ...where,
        cause: error,
      });
    }
  }
}

/** Runs one Web API call and turns its failure into a SlackPlatformError naming the method. */
export async function callSlack<T>(method: string, call: () => Promise<T>, channel?: string): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw asSlackPlatformError(error, method, channel);
  }
}

/** The Slack error code of anything thrown, or undefined when it was not a Slack refusal. */
export function slackErrorCode(error: unknown): string | undefined {
  return error instanceof SlackPlatformError ? error.code : undefined;
}
