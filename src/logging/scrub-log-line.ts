import { createRedactor } from '../redaction/redact-secrets.ts';

/** Shorter values would be scrubbed out of ordinary words; no real credential is this short. */
const MIN_SECRET_LENGTH = 8;

/**
 * Builds the last line of defence before a log line leaves the process: every string value in
 * the (already serialised) line goes through the secret redactor, plus the exact values of the
 * credentials this process was given. Working on decoded strings, not on the JSON text, keeps
 * escaped quotes and newlines from hiding a secret or breaking the line.
 */
export function createLineScrubber(
  options: { secrets?: readonly string[]; extraPatterns?: readonly string[] } = {},
): (line: string) => string {
  const literals = (options.secrets ?? [])
    .filter((secret) => secret.length >= MIN_SECRET_LENGTH)
    .map((secret) => secret.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const redactor = createRedactor([...(options.extraPatterns ?? []), ...literals]);
  const scrub = (value: unknown): unknown => {
    if (typeof value === 'string') return redactor.redact(value);
    if (Array.isArray(value)) return value.map(scrub);
    if (value !== null && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [key, inner] of Object.entries(value)) out[key] = scrub(inner);
      return out;
    }
    return value;
  };
  return (line) => {
    const trimmed = line.endsWith('\n') ? line.slice(0, -1) : line;
    try {
      return `${JSON.stringify(scrub(JSON.parse(trimmed)))}\n`;
    } catch {
      // Not JSON (should not happen with pino): redact the raw text rather than pass it through.
      return `${redactor.redact(trimmed)}\n`;
    }
  };
}
