import type { AppServices } from '../app/app-services.ts';
import type { PlatformRegistry } from '../ports/chat-platform.ts';
import type { Pager } from '../ports/pager.ts';

/** What the paging job handlers share. */
export interface PagingContext {
  services: AppServices;
  platforms: PlatformRegistry;
  pagers: ReadonlyMap<string, Pager>;
}
