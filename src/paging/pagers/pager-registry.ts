import { SystemError } from '../../core/errors.ts';
import type { PlatformRegistry } from '../../ports/chat-platform.ts';
import type { Pager } from '../../ports/pager.ts';
import type { Redactor } from '../../redaction/redact-secrets.ts';
import { insecureUrlProblem, type PagerConfig } from '../pager-config.ts';
import { ChatPager } from './chat-pager.ts';
import { OpsgeniePager } from './opsgenie-pager.ts';
import { PagerdutyPager } from './pagerduty-pager.ts';
import { redactingPager } from './redacting-pager.ts';
import { WebhookPager } from './webhook-pager.ts';

/** Where PagerDuty and Opsgenie live; read from the environment once, in read-env.ts. */
export interface PagerEndpoints {
  pagerdutyEventsUrl: string;
  opsgenieApiUrl: string;
}

/**
 * Every configured pager by id, plus the built-in chat pager, each behind the one redaction of
 * what it sends. A PagerDuty or Opsgenie base URL on plain http is refused here, where the
 * environment's URL meets the pager's `allow_insecure`.
 */
export function createPagers(
  configs: readonly PagerConfig[],
  endpoints: PagerEndpoints,
  platforms: PlatformRegistry,
  redactor: Redactor,
): Map<string, Pager> {
  const pagers = new Map<string, Pager>();
  const add = (pager: Pager) => pagers.set(pager.id, redactingPager(pager, redactor));
  add(new ChatPager(platforms));
  for (const config of configs) {
    switch (config.type) {
      case 'webhook':
        add(new WebhookPager(config));
        break;
      case 'pagerduty':
        refuseInsecure(config.id, endpoints.pagerdutyEventsUrl, config.allowInsecure);
        add(new PagerdutyPager(config, endpoints.pagerdutyEventsUrl));
        break;
      case 'opsgenie':
        refuseInsecure(config.id, endpoints.opsgenieApiUrl, config.allowInsecure);
        add(new OpsgeniePager(config, endpoints.opsgenieApiUrl));
        break;
    }
  }
  return pagers;
}

function refuseInsecure(pagerId: string, url: string, allowed: boolean): void {
  const problem = insecureUrlProblem(pagerId, url, allowed);
  if (problem) throw new SystemError('insecure_pager_url', problem);
}
