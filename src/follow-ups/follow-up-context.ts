import type { AppServices } from '../app/app-services.ts';
import type { TicketSystem } from '../core/model/events.ts';
import type { PlatformRegistry } from '../ports/chat-platform.ts';
import type { FollowUpsConfig } from './follow-ups-config.ts';
import type { TicketClient } from './ticket-client.ts';
import type { TicketIndex } from './ticket-index.ts';

/** What the follow-up jobs, reactions and webhook routes share. */
export interface FollowUpContext {
  services: AppServices;
  platforms: PlatformRegistry;
  config: FollowUpsConfig;
  tickets: ReadonlyMap<TicketSystem, TicketClient>;
  index: TicketIndex;
  /** WEB_BASE_URL: tickets link to the incident's web view there. */
  webBaseUrl?: string;
}

export const FOLLOW_UP_JOBS = { export: 'follow-up-export', poll: 'follow-ups-poll' } as const;

export { TICKET_SYSTEM_NAMES as SYSTEM_NAMES } from '../core/model/events.ts';
