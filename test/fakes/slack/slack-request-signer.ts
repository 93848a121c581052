import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Slack's request signing (v0): `X-Slack-Signature: v0=<hex HMAC-SHA256(signingSecret,
 * "v0:" + timestamp + ":" + rawBody)>` with `X-Slack-Request-Timestamp: <epoch seconds>`.
 * Receivers reject timestamps more than 5 minutes away from their clock.
 */

export const MAX_SIGNATURE_AGE_SEC = 5 * 60;

export interface SignedHeaders {
  'X-Slack-Request-Timestamp': string;
  'X-Slack-Signature': string;
}

/** The `v0=<hex>` signature of `rawBody` at `timestampSec`. */
export function computeSlackSignature(
  signingSecret: string,
  timestampSec: number,
  rawBody: string | Buffer,
): string {
  const hmac = createHmac('sha256', signingSecret);
  hmac.update(`v0:${timestampSec}:`);
  hmac.update(rawBody);
  return `v0=${hmac.digest('hex')}`;
}

/** Signature headers for `rawBody`, timestamped now unless `timestampSec` is given. */
export function signSlackRequest(
  signingSecret: string,
  rawBody: string | Buffer,
  timestampSec = Math.floor(Date.now() / 1000),
): SignedHeaders {
  return {
    'X-Slack-Request-Timestamp': String(timestampSec),
    'X-Slack-Signature': computeSlackSignature(signingSecret, timestampSec, rawBody),
  };
}

/** Verifies headers the way Slack's SDKs do; returns why it fails, or undefined when valid. */
export function verifySlackSignature(
  signingSecret: string,
  rawBody: string | Buffer,
  headers: { timestamp: string | undefined; signature: string | undefined },
  nowSec = Math.floor(Date.now() / 1000),
): string | undefined {
  const ts = Number(headers.timestamp);
  if (!headers.timestamp || Number.isNaN(ts)) return 'missing or malformed timestamp';
  if (Math.abs(nowSec - ts) > MAX_SIGNATURE_AGE_SEC) return 'stale timestamp';
  if (!headers.signature?.startsWith('v0=')) return 'unknown signature version';
  const expected = Buffer.from(computeSlackSignature(signingSecret, ts, rawBody));
  const given = Buffer.from(headers.signature);
  return expected.length === given.length && timingSafeEqual(expected, given)
    ? undefined
    : 'signature mismatch';
}
