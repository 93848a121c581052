import type { Reply } from '../core/commands/reply.ts';
import type { Actor, FileMeta } from '../core/model/events.ts';
import type { IncidentState } from '../core/model/incident-state.ts';

export interface IncidentSpace {
  channelId: string;
  channelName: string;
  url?: string;
}

export interface HistoryMessage {
  messageId: string;
  actor: Actor;
  text: string;
  occurredAt: Date;
  threadId?: string;
  files?: FileMeta[];
  permalink?: string;
}

/**
 * What the core asks of a chat platform. Adapters implement it; the core never sees a
 * Slack or Discord type.
 */
export interface ChatPlatform {
  readonly name: string;
  /** Creates the incident's channel (or thread), invites people, posts and pins the summary. */
  provisionIncidentSpace(incident: IncidentState): Promise<IncidentSpace>;
  postMessage(workspace: string, channel: string, reply: Reply): Promise<void>;
  /** Edits the pinned summary in place after a change. */
  refreshSummary?(incident: IncidentState): Promise<void>;
  /** Messages said in the channel, oldest first, for backfill after downtime. */
  fetchHistory?(incident: IncidentState): AsyncIterable<HistoryMessage>;
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
