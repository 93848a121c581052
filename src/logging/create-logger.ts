import { type DestinationStream, type Logger, pino } from 'pino';
import { prettyFactory } from 'pino-pretty';
import { createLineScrubber } from './scrub-log-line.ts';

export type { Logger } from 'pino';

export interface LoggerOptions {
  /** trace | debug | info | warn | error | fatal | silent (env LOG_LEVEL). */
  level?: string;
  /**
   * Human-readable lines on stderr instead of JSON on stdout. Console mode uses it: there stdout
   * is the chat, and log lines must not mix into it.
   */
  pretty?: boolean;
  /** Exact credential values (see secretValues in read-env.ts) to scrub wherever they appear. */
  secrets?: readonly string[];
  /** Regex sources from the config's `redaction.extra_patterns`. */
  extraPatterns?: readonly string[];
  /** Where finished lines go; defaults to fd 1 (JSON) or fd 2 (pretty). Tests pass a collector. */
  destination?: { write(line: string): unknown };
}

const SECRET_KEYS = [
  'token',
  'botToken',
  'appToken',
  'signingSecret',
  'secret',
  'password',
  'apiKey',
  'api_key',
  'routingKey',
  'routing_key',
  'accessToken',
  'refreshToken',
  'clientSecret',
  'webhookSecret',
  'authorization',
  'Authorization',
  'cookie',
];

/** Keys censored by name, at the top level and two levels down, whatever their value looks like. */
export const REDACTED_PATHS = SECRET_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]);

/**
 * The process logger: pino JSON lines (pretty in console mode), levels from LOG_LEVEL. Secrets
 * are kept out twice: pino censors credential-named keys, then every string of every line goes
 * through the secret redactor before it is written.
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  const scrub = createLineScrubber({
    ...(options.secrets ? { secrets: options.secrets } : {}),
    ...(options.extraPatterns ? { extraPatterns: options.extraPatterns } : {}),
  });
  const sink = options.destination ?? pino.destination({ dest: options.pretty ? 2 : 1, sync: true });
  const prettify = options.pretty
    ? prettyFactory({ colorize: false, translateTime: 'SYS:HH:MM:ss' })
    : undefined;
  const stream: DestinationStream = {
    write(line: string) {
      const clean = scrub(line);
      sink.write(prettify ? prettify(clean) : clean);
    },
  };
  return pino(
    {
      level: options.level ?? 'info',
      base: { service: 'tocsin' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACTED_PATHS, censor: '[REDACTED]' },
    },
    stream,
  );
}
