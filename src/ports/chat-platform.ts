import type { Reply } from '../core/commands/reply.ts';
import type { CapturedMessage } from '../core/model/captured-message.ts';
import type { IncidentRef } from '../core/model/incident-ref.ts';
import type { IncidentState } from '../core/model/incident-state.ts';
import type { IncidentSpace, ProvisioningProgress } from './provisioning-journal.ts';

export type { IncidentSpace };

/** A message read back from a channel's history: the same shape live capture delivers. */
export type HistoryMessage = CapturedMessage;

/**
 * One step of a resumable history read (`/incident adopt`). `position` is the platform's own
 * (opaque to the core, kept in the log) and undefined once everything is read.
 */
export interface HistoryPage {
  messages: HistoryMessage[];
  position?: string;
  /** Wait this long before the next step: the platform's Retry-After, or its slow tier's pace. */
  waitMs: number;
  /** Set when the platform reads history slowly for this app. */
  requestsPerMinute?: number;
}

/**
 * A button on a page or a reminder. Pressing it runs `/incident <command>` as the person who
 * pressed it, in the incident's channel (also when pressed in a DM), e.g. `ack` or `snooze 1h`.
 */
export interface ActionButton {
  label: string;
  command: string;
  style?: 'primary' | 'danger';
}

/** A message that mentions people and offers buttons: pages, reminders. Text is plain, as in Reply. */
export interface InteractiveMessage {
  text: string;
  /** Platform user ids to mention ahead of the text, in the platform's own mention syntax. */
  mentions?: string[];
  buttons?: ActionButton[];
  /** The incident the buttons act on: a press in a DM runs the command in `incident.channel`. */
  incident: IncidentRef & { channel?: string };
}

/**
 * What the core asks of a chat platform. Adapters implement it; the core never sees a
 * Slack or Discord type.
 */
export interface ChatPlatform {
  readonly name: string;
  /**
   * Creates the incident's channel (or thread), invites people, posts and pins the summary, and
   * announces it, making each of those platform calls through `progress` so that a retry after a
   * crash repeats none of them.
   */
  provisionIncidentSpace(incident: IncidentState, progress: ProvisioningProgress): Promise<IncidentSpace>;
  postMessage(workspace: string, channel: string, reply: Reply): Promise<void>;
  /** `/incident adopt`: makes the channel it was typed in the incident's (summary pinned there). */
  adoptIncidentSpace?(incident: IncidentState, progress: ProvisioningProgress): Promise<IncidentSpace>;
  /** Edits the pinned summary in place after a change. */
  refreshSummary?(incident: IncidentState): Promise<void>;
  /** Messages said in the channel, oldest first, for backfill after downtime. */
  fetchHistory?(incident: IncidentState): AsyncIterable<HistoryMessage>;
  /**
   * An adopted channel's history, one request at a time from `position` (undefined: the start),
   * for a platform that may allow only a few such requests a minute. Without it, adopt reads
   * `fetchHistory` in one go.
   */
  readHistoryPage?(incident: IncidentState, position: string | undefined): Promise<HistoryPage>;
  /** The pace history is read at when the platform is known to be slow for this app (config). */
  historyPace?(): { requestsPerMinute: number } | undefined;
  /** Sends a direct message to one user (the chat pager's DM). */
  sendDirectMessage?(workspace: string, userId: string, message: InteractiveMessage): Promise<void>;
  /** Whether the user is in the incident's channel (who may see a private incident). */
  isMember?(incident: IncidentState, userId: string): Promise<boolean>;
  /** Posts in a channel with mentions and buttons (a page's mention, a reminder with Snooze). */
  postInteractive?(workspace: string, channel: string, message: InteractiveMessage): Promise<void>;
}

export class PlatformRegistry {
  private readonly platforms = new Map<string, ChatPlatform>();

  register(platform: ChatPlatform): void {
    this.platforms.set(platform.name, platform);
  }

  get(name: string): ChatPlatform | undefined {
    return this.platforms.get(name);
  }

  all(): ChatPlatform[] {
    return [...this.platforms.values()];
  }
}
