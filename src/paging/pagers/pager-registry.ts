import type { PlatformRegistry } from '../../ports/chat-platform.ts';
import type { Pager } from '../../ports/pager.ts';
import type { PagerConfig } from '../pager-config.ts';
import { ChatPager } from './chat-pager.ts';
import { OpsgeniePager } from './opsgenie-pager.ts';
import { PagerdutyPager } from './pagerduty-pager.ts';
import { WebhookPager } from './webhook-pager.ts';

/** Where PagerDuty and Opsgenie live; read from the environment once, in read-env.ts. */
export interface PagerEndpoints {
  pagerdutyEventsUrl: string;
  opsgenieApiUrl: string;
}

/** Every configured pager by id, plus the built-in chat pager. */
export function createPagers(
  configs: readonly PagerConfig[],
  endpoints: PagerEndpoints,
  platforms: PlatformRegistry,
): Map<string, Pager> {
  const pagers = new Map<string, Pager>();
  const chat = new ChatPager(platforms);
  pagers.set(chat.id, chat);
  for (const config of configs) {
    switch (config.type) {
      case 'webhook':
        pagers.set(config.id, new WebhookPager(config));
        break;
      case 'pagerduty':
        pagers.set(config.id, new PagerdutyPager(config, endpoints.pagerdutyEventsUrl));
        break;
      case 'opsgenie':
        pagers.set(config.id, new OpsgeniePager(config, endpoints.opsgenieApiUrl));
        break;
    }
  }
  return pagers;
}
