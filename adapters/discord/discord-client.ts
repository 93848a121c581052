import { Client, GatewayIntentBits, Partials } from 'discord.js';
import { NO_MENTIONS } from './allowed-mentions.ts';

export interface DiscordClientOptions {
  /** The REST base (`DISCORD_API_URL`); the gateway URL is asked from it (`GET /gateway/bot`). */
  apiUrl: string;
}

/**
 * The discord.js client. MessageContent is a privileged intent: without it, capture sees empty
 * messages. Partials let 📌 reactions, edits and deletions of messages this process never cached
 * through. Rate limits are discord.js's job: a 429 waits `Retry-After` and retries, 5xx and
 * resets are retried three times, and no request hangs longer than 15 s.
 */
export function createDiscordClient(options: DiscordClientOptions): Client {
  return new Client({
    intents: [
      GatewayIntentBits.Guilds,
      GatewayIntentBits.GuildMessages,
      GatewayIntentBits.MessageContent,
      GatewayIntentBits.GuildMessageReactions,
    ],
    partials: [Partials.Message, Partials.Reaction, Partials.User, Partials.Channel, Partials.GuildMember],
    allowedMentions: NO_MENTIONS,
    failIfNotExists: false,
    rest: {
      api: options.apiUrl,
      retries: 3,
      timeout: 15_000,
      // Wait out 429s instead of rejecting them, however long Discord asks.
      rejectOnRateLimit: null,
    },
  });
}
