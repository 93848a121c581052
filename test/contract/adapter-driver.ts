import type { StoredEvent } from '../../src/core/model/events.ts';
import type { TextRedactor } from '../../src/ports/redactor.ts';

/** The people of every scenario: alice declares (and so commands), bob is paged. */
export type Person = 'alice' | 'bob';

/** A message a person said, as the platform names it. */
export interface SaidMessage {
  readonly id: string;
  readonly author: Person;
}

/**
 * One platform, driven the way its people use it, through the real adapter and the platform's
 * protocol fake (or the console's input). The contract scenarios are written once against this;
 * each driver only translates: a command into a slash command, a message into a gateway event.
 */
export interface AdapterDriver {
  readonly platform: string;
  /**
   * `/incident <name>` with its options (in the order the text grammar takes them), typed by `as`
   * (default alice) in the open incident's channel, or in the general channel before one is
   * declared. Resolves once the bot has answered and the follow-up work ran; returns what the
   * bot said meanwhile (replies and posts, in the order it sent them).
   */
  command(name: string, options?: Record<string, string>, as?: Person): Promise<string[]>;
  /** How a person is mentioned on this platform (a page target). */
  mention(person: Person): string;
  /** A person posts in the incident's channel. */
  say(text: string, as?: Person): Promise<SaidMessage>;
  /** Its author edits the message. */
  edit(message: SaidMessage, text: string): Promise<void>;
  /** Its author deletes the message. */
  remove(message: SaidMessage): Promise<void>;
  /** `by` reacts with 📌. */
  pin(message: SaidMessage, by?: Person): Promise<void>;
  /** The log of the incident declared last, oldest first. */
  events(): Promise<StoredEvent[]>;
  /** The app's one redactor, which every exit uses. */
  readonly redactor: TextRedactor;
  close(): Promise<void>;
}

/** Which incident a reply declared, from the shared wording `INC-<n> declared`. */
export function declaredNumber(seen: readonly string[]): number | undefined {
  for (const text of seen) {
    const match = /INC-(\d+) declared/.exec(text);
    if (match) return Number(match[1]);
  }
  return undefined;
}

/** A command's options as text: what the text grammar reads (`note 09:58 rolled back`). */
export function commandText(name: string, options: Record<string, string>): string {
  return [name, ...Object.values(options)].join(' ');
}
