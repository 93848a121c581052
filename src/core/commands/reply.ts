import type { UserError } from '../errors.ts';
import type { IncidentRef } from '../model/incident-ref.ts';

/**
 * A platform-neutral answer. Text is plain (no mrkdwn, no Discord markdown): each adapter
 * renders it, splits long `lines` to its own limits, and escapes what users typed.
 */
export interface Reply {
  visibility: 'ephemeral' | 'channel';
  text: string;
  /** Long bodies (timeline, list, help): adapters split or attach them to stay within limits. */
  lines?: string[];
  file?: { name: string; content: string; title: string };
  error?: UserError;
  /** The incident the reply is about, so adapters can link to or move into its channel. */
  incident?: IncidentRef & { channel?: string };
}

export function errorReply(error: UserError): Reply {
  const text = error.usage ? `${error.message}\nUsage: ${error.usage}` : error.message;
  return { visibility: 'ephemeral', text, error };
}

export function ephemeral(text: string, extra: Omit<Reply, 'visibility' | 'text'> = {}): Reply {
  return { visibility: 'ephemeral', text, ...extra };
}

export function toChannel(text: string, extra: Omit<Reply, 'visibility' | 'text'> = {}): Reply {
  return { visibility: 'channel', text, ...extra };
}
