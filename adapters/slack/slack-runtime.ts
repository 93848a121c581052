import type { AppConfig } from '../../src/config/config-schema.ts';
import type { IncidentStore } from '../../src/ports/incident-store.ts';
import type { Metrics } from '../../src/ports/metrics.ts';
import type { AdapterRuntime } from '../runtime/adapter-runtime.ts';
import type { Respond } from './deliver-reply.ts';
import type { BotIdentity } from './slack-message.ts';
import type { SlackPoster } from './slack-poster.ts';
import type { UserDirectory } from './user-directory.ts';
import type { UserGroups } from './user-groups.ts';

/** What the listeners share: the core to hand events to, and the means to answer in Slack. */
export interface SlackRuntime {
  /** The shared adapter runtime: commands in channel order, tracked work, the core's answers. */
  inbound: AdapterRuntime;
  store: IncidentStore;
  config: AppConfig;
  poster: SlackPoster;
  users: UserDirectory;
  /** The configured user groups a person is in, for permission rules. */
  groups: UserGroups;
  bot: BotIdentity;
  redact: (text: string) => string;
  warn: (message: string, error?: unknown) => void;
  metrics: Metrics | undefined;
  /** Posts to a response_url kept from an earlier interaction (a modal answers through its command's). */
  responder: (responseUrl: string) => Respond;
}

/** Seconds from receiving a delivery to acking it, for the ack-latency histogram. */
export function ackTimer(runtime: SlackRuntime): () => void {
  const started = performance.now();
  return () => runtime.metrics?.observeAckLatency('slack', (performance.now() - started) / 1000);
}
