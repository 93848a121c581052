import type { webApi } from '@slack/bolt';
import type { AppConfig } from '../../src/config/config-schema.ts';
import type { BotIdentity } from './slack-message.ts';
import type { SlackPoster } from './slack-poster.ts';
import type { SummaryMessage } from './summary-message.ts';

/** What opening an incident's channel needs from the Slack adapter. */
export interface ProvisionDeps {
  client: webApi.WebClient;
  poster: SlackPoster;
  summary: SummaryMessage;
  bot: BotIdentity;
  config: AppConfig;
  redact: (text: string) => string;
  warn: (message: string, error?: unknown) => void;
}
