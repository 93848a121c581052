import { once } from 'node:events';
import { Client, type ClientEvents, type ClientOptions, Events, GatewayIntentBits } from 'discord.js';
import type { FakeDiscord } from './fake-discord.ts';

/** Helpers for driving a real discord.js Client against the fake in tests. */

export const DEFAULT_TEST_INTENTS = [
  GatewayIntentBits.Guilds,
  GatewayIntentBits.GuildMessages,
  GatewayIntentBits.MessageContent,
  GatewayIntentBits.GuildMessageReactions,
];

/** Creates a Client pointed at the fake, logs in and resolves once `clientReady` fired. Destroy it yourself. */
export async function loginClient(
  fake: FakeDiscord,
  options: Partial<ClientOptions> = {},
): Promise<Client<true>> {
  const client = new Client({
    intents: DEFAULT_TEST_INTENTS,
    ...options,
    rest: { ...options.rest, api: fake.apiBase },
  });
  const ready = once(client, Events.ClientReady);
  try {
    await client.login(fake.token);
    await ready;
  } catch (error) {
    await client.destroy();
    throw error;
  }
  return client as Client<true>;
}

/** The arguments of the next `event` the client emits (rejects after `timeoutMs`). */
export function nextEvent<K extends keyof ClientEvents>(
  client: Client,
  event: K,
  timeoutMs = 5000,
): Promise<ClientEvents[K]> {
  return once(client, event as string, { signal: AbortSignal.timeout(timeoutMs) }) as Promise<
    ClientEvents[K]
  >;
}
