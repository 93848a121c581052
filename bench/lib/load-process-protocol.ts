import type { LoadResult, PacedResult } from './load-generator.ts';

/**
 * What the bench process asks of the load-generator process. Bodies travel unsigned: the child
 * signs each one as it sends it, so a signature's timestamp is the moment of sending, as Slack's is.
 */
export interface LoadRequest {
  url: string;
  signingSecret: string;
  contentType: string;
  /** Request k sends bodies[k]. */
  bodies: string[];
  /** Closed loop with this many senders, or paced at `ratePerSec` with this many senders. */
  concurrency: number;
  ratePerSec?: number;
}

export type LoadAnswer = { ok: true; result: LoadResult | PacedResult } | { ok: false; error: string };
