import type { Actor, FileMeta } from '../core/model/events.ts';

/** One message of an export, as the importer writes it: its own id, author and time. */
export interface ImportedMessage {
  messageId: string;
  actor: Actor;
  text: string;
  occurredAt: Date;
  /** The thread it was said in (its parent's id), when it is a reply. */
  threadId?: string;
  files?: FileMeta[];
  /** Someone pinned it (📌): promoted to the timeline, as live capture does. */
  pinned: boolean;
  /** Joins and leaves: not what was said, so not captured (counted, for the summary). */
  join: boolean;
}

/** What an export holds for one channel, once read and checked; messages come oldest first. */
export interface ImportSource {
  /** `slack-export` or `discord-export`: recorded on the incident. */
  kind: 'slack-export' | 'discord-export';
  file: string;
  workspace: string;
  channel: { id: string; name: string };
  /** Reads the messages again, oldest first (an export is read twice: checked, then written). */
  messages(): AsyncIterable<ImportedMessage>;
}

/** A problem with the export itself: names the file (and the entry inside it) and what is wrong. */
export class ImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportError';
  }
}

/** The messages inside [from, to], both optional. */
export function inRange(at: Date, range: { from?: Date; to?: Date }): boolean {
  return (!range.from || at >= range.from) && (!range.to || at <= range.to);
}
