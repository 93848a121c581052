import type { RawOptions } from './commands/command-definition.ts';
import type { CapturedMessage } from './model/captured-message.ts';
import type { Actor } from './model/events.ts';

/** Who, where, and (for deduplication) the platform's own id of this delivery. */
export interface InboundContext {
  platform: string;
  workspace: string;
  channel: string;
  actor: Actor;
  /**
   * The groups (Slack user groups) or roles (Discord) the actor belongs to, read only when a
   * permission rule names one; platforms that have none leave it out.
   */
  groups?: () => Promise<readonly string[]>;
  /** A platform delivery id (Slack event_id, Discord interaction id). Seen twice, processed once. */
  eventId?: string;
}

/** The one shape every adapter turns its platform's input into. */
export type InboundEvent =
  | { kind: 'command'; text: string; context: InboundContext }
  | { kind: 'command-options'; name: string; options: RawOptions; context: InboundContext }
  | ({ kind: 'message'; context: InboundContext } & Omit<CapturedMessage, 'actor'>)
  | { kind: 'message-edited'; messageId: string; text: string; editedAt: Date; context: InboundContext }
  | { kind: 'message-deleted'; messageId: string; context: InboundContext }
  | { kind: 'message-promoted'; messageId: string; context: InboundContext }
  | { kind: 'message-demoted'; messageId: string; context: InboundContext };
