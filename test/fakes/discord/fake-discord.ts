import { FakeDiscordGateway, type FakeGatewayOptions } from './fake-discord-gateway.ts';
import { FakeDiscordRest, type FakeDiscordRestOptions } from './fake-discord-rest.ts';
import { FakeDiscordState, type FakeStateOptions, type SeedIds } from './fake-discord-state.ts';
import type { BotPermissions } from './permissions.ts';

export interface FakeDiscordOptions extends FakeStateOptions, FakeDiscordRestOptions, FakeGatewayOptions {
  /** Port to listen on (127.0.0.1). Default 0 = any free port. */
  port?: number;
}

/**
 * A protocol-level fake Discord: REST (`/api/v10`) and gateway (`/gateway`) on one 127.0.0.1 port,
 * backed by one in-memory guild. Point a real discord.js Client at it with `clientOptions()`.
 */
export class FakeDiscord {
  private constructor(
    readonly state: FakeDiscordState,
    readonly rest: FakeDiscordRest,
    readonly gateway: FakeDiscordGateway,
  ) {}

  static async start(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    const state = new FakeDiscordState(options);
    const rest = await FakeDiscordRest.start(state, options, options.port ?? 0);
    const gateway = new FakeDiscordGateway(state, rest.server, rest.origin, options);
    return new FakeDiscord(state, rest, gateway);
  }

  /** `http://127.0.0.1:<port>/api`: discord.js `rest.api`. */
  get apiBase(): string {
    return this.rest.apiBase;
  }

  get gatewayUrl(): string {
    return this.gateway.url;
  }

  get ids(): SeedIds {
    return this.state.ids;
  }

  /** The token to log in with: the enforced one if configured, else any string works. */
  get token(): string {
    return this.rest.options.token ?? 'fake-bot-token';
  }

  /** Spread into `new Client({ intents, ...fake.clientOptions() })`. */
  clientOptions(): { rest: { api: string } } {
    return { rest: { api: this.apiBase } };
  }

  /** See `FakeDiscordState.setBotPermissions`: guild-wide via the bot role, or per channel via an overwrite. */
  setBotPermissions(toggles: Partial<BotPermissions>, options: { channelId?: string } = {}): void {
    this.state.setBotPermissions(toggles, options);
  }

  async close(): Promise<void> {
    await this.gateway.close();
    await this.rest.close();
  }
}

export function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  return FakeDiscord.start(options);
}
