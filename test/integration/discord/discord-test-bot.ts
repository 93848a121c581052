import { type DiscordAdapter, startDiscordAdapter } from '../../../adapters/discord/index.ts';
import { readEnvOptions } from '../../../src/config/read-env.ts';
import type { StoredEvent } from '../../../src/core/model/events.ts';
import type { IncidentRef } from '../../../src/core/model/incident-ref.ts';
import { createLogger } from '../../../src/logging/create-logger.ts';
import type {
  BuiltInteraction,
  FakeChannel,
  FakeDiscordOptions,
  FakeMessage,
  RecordedRequest,
} from '../../fakes/discord/index.ts';
import { FakeDiscord } from '../../fakes/discord/index.ts';
import type { CommandOptionInput, OptionValue } from '../../fakes/discord/interaction-builders.ts';
import { createTestApp, type TestApp, testConfig, uniquePrefix } from '../../support/test-app.ts';

export interface TestBotOptions {
  /** The YAML config's `discord:` section (and anything else), as a user would write it. */
  /** Or built from the fake's ids, for a config that names its roles. */
  config?: Record<string, unknown> | ((ids: FakeDiscord['ids']) => Record<string, unknown>);
  fake?: FakeDiscordOptions;
  /** Register commands in the seeded guild (DISCORD_GUILD_ID); default true. */
  guildCommands?: boolean;
  /** Log from this level (default warn), and the app's lines too (not only the adapter's). */
  logLevel?: 'trace' | 'debug' | 'info';
  /** Least time between summary edits (tests default to a short one). */
  summaryIntervalMs?: number;
}

export interface InteractionInput {
  channelId?: string;
  userId?: string;
}

/**
 * The real adapter (real discord.js Client) logged in to the fake Discord, on a real app with its
 * own Redis prefix and BullMQ queue. Helpers act as users do and wait until the bot is done.
 */
export class DiscordTestBot {
  private constructor(
    /** Warnings and errors the adapter logged (everything from `logLevel` up), one JSON line each. */
    readonly logLines: string[],
    readonly fake: FakeDiscord,
    public app: TestApp,
    public adapter: DiscordAdapter,
    private readonly options: TestBotOptions,
  ) {}

  static async start(options: TestBotOptions = {}): Promise<DiscordTestBot> {
    const fake = await FakeDiscord.start({ token: 'test-bot-token', ...options.fake });
    const config = typeof options.config === 'function' ? options.config(fake.ids) : (options.config ?? {});
    const logLines: string[] = [];
    const appLogger = options.logLevel
      ? createLogger({ level: options.logLevel, destination: { write: (line) => logLines.push(line) } })
      : undefined;
    const app = createTestApp({
      config: testConfig(config),
      prefix: uniquePrefix('discord'),
      ...(appLogger ? { logger: appLogger } : {}),
      ...(options.summaryIntervalMs === undefined ? {} : { summaryIntervalMs: options.summaryIntervalMs }),
    });
    const bot = new DiscordTestBot(logLines, fake, app, undefined as unknown as DiscordAdapter, options);
    bot.adapter = await bot.startAdapter(app);
    await bot.settle();
    return bot;
  }

  get ids() {
    return this.fake.ids;
  }

  /** A new process on the same Redis: a new app and a new Client, nothing carried over in memory. */
  async restart(between?: () => Promise<void> | void): Promise<void> {
    await this.settle();
    await this.adapter.stop();
    await this.app.dispose();
    await between?.();
    this.app = createTestApp({
      config: this.app.services.config,
      prefix: this.app.prefix,
      ...(this.options.summaryIntervalMs === undefined
        ? {}
        : { summaryIntervalMs: this.options.summaryIntervalMs }),
    });
    this.adapter = await this.startAdapter(this.app);
    await this.settle();
  }

  /** Types `/incident <subcommand>` and waits until the bot has answered and its jobs ran. */
  async slash(
    subcommand: string,
    options: Record<string, OptionValue> | CommandOptionInput[] = {},
    input: InteractionInput = {},
  ): Promise<BuiltInteraction> {
    const built = this.fake.gateway.slashCommand({ name: 'incident', subcommand, options, ...input });
    await this.answered(built);
    return built;
  }

  async click(
    customId: string,
    input: InteractionInput & { messageId?: string } = {},
  ): Promise<BuiltInteraction> {
    const built = this.fake.gateway.buttonClick({ customId, ...input });
    await this.answered(built);
    return built;
  }

  async select(customId: string, values: string[], input: InteractionInput = {}): Promise<BuiltInteraction> {
    const built = this.fake.gateway.selectMenu({ customId, values, ...input });
    await this.answered(built);
    return built;
  }

  /** Waits for the interaction's callback, then for everything it set off. */
  async answered(built: BuiltInteraction): Promise<void> {
    await this.fake.rest.waitForRequest('POST', '/interactions/:id/:token/callback', {
      where: (request) => request.path.includes(built.id),
      timeoutMs: 10_000,
    });
    await this.settle();
  }

  /** Everything only the person saw: the edited deferred reply and ephemeral follow-ups, in order. */
  privateReplies(built: BuiltInteraction): string[] {
    return this.webhookRequests(built)
      .filter((request) => request.method !== 'DELETE')
      .map((request) => String((request.body as { content?: unknown }).content ?? ''));
  }

  webhookRequests(built: BuiltInteraction): RecordedRequest[] {
    return this.fake.rest.requests.filter(
      (request) => request.path.startsWith('/webhooks/') && request.path.includes(built.token),
    );
  }

  /** A person posts in a channel; resolves once the bot handled the MESSAGE_CREATE. */
  async say(content: string, channelId: string, authorId = this.ids.aliceId): Promise<FakeMessage> {
    const message = this.fake.gateway.messageCreate({ content, channelId, authorId });
    await this.settle();
    return message;
  }

  /**
   * Until quiet: the adapter's handlers, the job queue, and the gateway's echo of what the bot
   * posted all settle, and a round passes with no new REST call or dispatch.
   */
  async settle(): Promise<void> {
    for (let round = 0; round < 200; round++) {
      const before = this.fake.rest.requests.length + this.fake.gateway.dispatched.length;
      await this.adapter.idle();
      await this.app.jobs.settle();
      await new Promise((resolve) => setTimeout(resolve, 25));
      await this.adapter.idle();
      const pending = this.fake.rest.requests.some((request) => request.status === null);
      if (!pending && before === this.fake.rest.requests.length + this.fake.gateway.dispatched.length) return;
    }
    throw new Error('the Discord adapter never settled');
  }

  channelNamed(prefix: string): FakeChannel {
    const channel = [...this.fake.state.channels.values()].find((candidate) =>
      candidate.name?.startsWith(prefix),
    );
    if (!channel) throw new Error(`no channel named ${prefix}…`);
    return channel;
  }

  /** What people see in a channel (bot and humans), oldest first, without Discord's pin notices. */
  messages(channelId: string): FakeMessage[] {
    return this.fake.state.messages.list(channelId).filter((message) => message.type !== 6);
  }

  botMessages(channelId: string): FakeMessage[] {
    return this.messages(channelId).filter((message) => message.authorId === this.ids.botUserId);
  }

  ref(number: number): IncidentRef {
    return { platform: 'discord', workspace: this.ids.guildId, number };
  }

  async events(number: number): Promise<StoredEvent[]> {
    return this.app.store.read(this.ref(number));
  }

  /** Problems the fake saw that no test should ever cause. */
  protocolProblems(): string[] {
    return [
      ...this.fake.rest.specViolations().map((v) => `spec: ${v.method} ${v.path}: ${v.errors.join('; ')}`),
      ...this.fake.rest.unhandledRequests().map((r) => `unhandled: ${r.method} ${r.path}`),
      ...this.fake.rest.internalErrors.map((e) => `fake bug: ${String(e)}`),
    ];
  }

  async dispose(): Promise<void> {
    await this.adapter.stop();
    await this.app.dispose();
    await this.fake.close();
  }

  private startAdapter(app: TestApp): Promise<DiscordAdapter> {
    const env = readEnvOptions({
      DISCORD_TOKEN: this.fake.token,
      DISCORD_APPLICATION_ID: this.fake.ids.applicationId,
      DISCORD_API_URL: this.fake.apiBase,
      ...(this.options.guildCommands === false ? {} : { DISCORD_GUILD_ID: this.fake.ids.guildId }),
      POSTMORTEM_DIR: app.postmortemDir,
      LOG_LEVEL: 'warn',
    });
    const logger = createLogger({
      level: this.options.logLevel ?? 'warn',
      destination: { write: (line) => this.logLines.push(line) },
    });
    return startDiscordAdapter({ app, env, config: app.services.config }, { logger });
  }
}
