import type { Client } from 'discord.js';
import type { AppConfig } from '../../src/config/config-schema.ts';
import type { Logger } from '../../src/logging/create-logger.ts';
import type { TextRedactor } from '../../src/ports/redactor.ts';
import type { AdapterApp as App } from '../../src/ports/running-adapter.ts';
import type { SerialByKey } from './serial-by-key.ts';
import type { WorkTracker } from './work-tracker.ts';

export const DISCORD_PLATFORM = 'discord';

/** What every part of the adapter shares. Nothing here is state another process would need. */
export interface DiscordContext {
  client: Client;
  app: App;
  config: AppConfig['discord'];
  redactor: TextRedactor;
  logger: Logger;
  tracker: WorkTracker;
  /** Commands per incident channel, one at a time (see SerialByKey). */
  commandQueue: SerialByKey;
}
