import type { Client } from 'discord.js';
import type { AppConfig } from '../../src/config/config-schema.ts';
import type { Logger } from '../../src/logging/create-logger.ts';
import type { TextRedactor } from '../../src/ports/redactor.ts';
import type { AdapterApp as App } from '../../src/ports/running-adapter.ts';
import type { AdapterRuntime } from '../runtime/adapter-runtime.ts';

export const DISCORD_PLATFORM = 'discord';

/** What every part of the adapter shares. Nothing here is state another process would need. */
export interface DiscordContext {
  client: Client;
  app: App;
  config: AppConfig['discord'];
  redactor: TextRedactor;
  logger: Logger;
  /** The shared adapter runtime: commands per channel in order, tracked handlers, the core's answers. */
  inbound: AdapterRuntime;
}
