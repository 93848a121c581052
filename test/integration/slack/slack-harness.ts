import {
  type RunningSlackAdapter,
  type SlackAdapterOverrides,
  startSlackAdapter,
} from '../../../adapters/slack/index.ts';
import type { AppConfig } from '../../../src/config/config-schema.ts';
import { readEnvOptions } from '../../../src/config/read-env.ts';
import type { IncidentEvent } from '../../../src/core/model/events.ts';
import type { IncidentRef } from '../../../src/core/model/incident-ref.ts';
import type { IncidentState } from '../../../src/core/model/incident-state.ts';
import { createLogger } from '../../../src/logging/create-logger.ts';
import {
  createSlackEventSender,
  eventCallbackPayload,
  type FakeSlack,
  type OutboundWatch,
  type SlashCommandInput,
  slashCommandPayload,
  startFakeSlack,
  watchOutboundConnections,
} from '../../fakes/slack/index.ts';
import { createTestApp, type TestApp, testConfig, uniquePrefix } from '../../support/test-app.ts';

export type SlackMode = 'http' | 'socket';

/** How a delivery was acknowledged, whichever way it travelled. */
export interface Delivery {
  acked: boolean;
  /** HTTP status (HTTP mode); 200 stands for an ack in Socket Mode. */
  status: number;
}

export interface SlackHarness {
  fake: FakeSlack;
  app: TestApp;
  adapter: RunningSlackAdapter;
  mode: SlackMode;
  /** Warnings and errors the adapter logged, as JSON lines. */
  logs: string[];
  command(text: string, input?: SlashCommandInput): Promise<Delivery>;
  event(event: Record<string, unknown>, options?: { eventId?: string; retryNum?: number }): Promise<Delivery>;
  interaction(payload: Record<string, unknown>): Promise<Delivery>;
  /** Waits for the adapter's work after acks, then the jobs it queued, until both are quiet. */
  settle(): Promise<void>;
  /** The events of the incident's log of one type. */
  events<T extends IncidentEvent['type']>(
    type: T,
    number?: number,
  ): Promise<Extract<IncidentEvent, { type: T }>[]>;
  /** The incident, folded fresh. */
  incident(number?: number): Promise<IncidentState>;
  ref(number?: number): IncidentRef;
  /** Stops the adapter and the app (the "process"), keeping Redis and the fake. */
  stopBot(): Promise<void>;
  /** Starts a new app and adapter on the same Redis prefix, as a restarted process would. */
  startBot(options?: { awaitBackfill?: boolean }): Promise<void>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  mode?: SlackMode;
  config?: AppConfig;
  overrides?: SlackAdapterOverrides;
  /** Start without waiting for the startup backfill (to watch readiness). */
  awaitBackfill?: boolean;
  /** Also log the app's (not only the adapter's) lines into `logs`, from this level up. */
  logLevel?: 'trace' | 'debug' | 'info';
  /** Least time between summary edits (tests default to a short one). */
  summaryIntervalMs?: number;
}

/** Quick retries so a test that injects a 429 or a 5xx finishes in seconds, not minutes. */
export const TEST_RETRY = { retries: 3, factor: 2, minTimeout: 10, maxTimeout: 100 };

/**
 * The real Bolt App (through startSlackAdapter) against the fake Slack, on real Redis and BullMQ.
 * Deliveries go over signed HTTP in HTTP mode, and as envelopes over the fake's WebSocket in
 * Socket Mode; everything stays on 127.0.0.1.
 */
export async function startSlackHarness(options: HarnessOptions = {}): Promise<SlackHarness> {
  const mode = options.mode ?? 'http';
  const outbound: OutboundWatch = watchOutboundConnections();
  const fake = await startFakeSlack({ socketModePingIntervalMs: 0 });
  const prefix = uniquePrefix('slack');
  const config = options.config ?? testConfig();
  const logs: string[] = [];
  const logger = createLogger({
    level: options.logLevel ?? 'warn',
    destination: { write: (line: string) => logs.push(line) },
  });
  const env = readEnvOptions({
    SLACK_BOT_TOKEN: fake.botToken,
    SLACK_SIGNING_SECRET: fake.signingSecret,
    SLACK_API_URL: fake.apiUrl,
    PORT: '0',
    ...(mode === 'socket' ? { SLACK_APP_TOKEN: fake.appToken } : {}),
  });
  let app!: TestApp;
  let adapter!: RunningSlackAdapter;
  let running = false;
  const boot = async (bootOptions: { awaitBackfill?: boolean } = {}) => {
    app = createTestApp({
      config,
      prefix,
      ...(options.logLevel ? { logger } : {}),
      ...(options.summaryIntervalMs === undefined ? {} : { summaryIntervalMs: options.summaryIntervalMs }),
    });
    running = true;
    adapter = await startSlackAdapter(
      { app, env, config, publicRoute: app.http.asBoltRoute() },
      { host: '127.0.0.1', logger, retryConfig: TEST_RETRY, pacer: { intervalMs: 20 }, ...options.overrides },
    );
    if ((bootOptions.awaitBackfill ?? options.awaitBackfill) !== false) await adapter.backfilled;
  };
  await boot();
  const sender = () =>
    createSlackEventSender({
      url: adapter.eventsUrl ?? '',
      signingSecret: fake.signingSecret,
      context: fake,
    });
  const viaSocket = async (
    type: 'slash_commands' | 'events_api' | 'interactive',
    payload: Record<string, unknown>,
    retry?: number,
  ) => {
    const ack = await fake.socketMode.sendEnvelope(
      type,
      payload,
      retry === undefined ? {} : { retryAttempt: retry },
    );
    return { acked: ack.envelope_id !== undefined, status: 200 };
  };
  const harness: SlackHarness = {
    fake,
    get app() {
      return app;
    },
    get adapter() {
      return adapter;
    },
    mode,
    logs,
    async command(text, input = {}) {
      if (mode === 'socket')
        return viaSocket('slash_commands', slashCommandPayload(fake, { ...input, text }));
      const answer = await sender().sendSlashCommand({ ...input, text });
      return { acked: answer.status === 200, status: answer.status };
    },
    async event(event, eventOptions = {}) {
      const envelope = eventOptions.eventId === undefined ? {} : { eventId: eventOptions.eventId };
      if (mode === 'socket') {
        return viaSocket('events_api', eventCallbackPayload(fake, event, envelope), eventOptions.retryNum);
      }
      const answer = await sender().sendEvent(event, {
        ...envelope,
        ...(eventOptions.retryNum === undefined ? {} : { retryNum: eventOptions.retryNum }),
      });
      return { acked: answer.status === 200, status: answer.status };
    },
    async interaction(payload) {
      if (mode === 'socket') return viaSocket('interactive', payload);
      const answer = await sender().sendInteraction(payload);
      return { acked: answer.status === 200, status: answer.status };
    },
    async settle() {
      for (let round = 0; round < 5; round++) {
        await adapter.settled();
        await app.jobs.settle();
        await adapter.settled();
      }
    },
    async events(type, number = 1) {
      const all = await app.store.read(harness.ref(number));
      return all.filter((event) => event.type === type) as never;
    },
    ref: (number = 1) => ({ platform: 'slack', workspace: fake.teamId, number }),
    async incident(number = 1) {
      const state = await app.store.state(harness.ref(number));
      if (!state) throw new Error(`INC-${number} does not exist`);
      return state;
    },
    async stopBot() {
      if (!running) return;
      running = false;
      await adapter.stop();
      await app.dispose();
    },
    startBot: boot,
    async close() {
      await harness.stopBot();
      await fake.close();
      outbound.stop();
      const strays = outbound.nonLoopback();
      if (strays.length > 0) throw new Error(`left loopback: ${JSON.stringify(strays)}`);
    },
  };
  return harness;
}

/** A config with responders and an announce channel, as a real workspace would have. */
export function slackConfig(slack: { responders?: string[]; announce_channel?: string } = {}): AppConfig {
  return testConfig({ slack: { responders: [], ...slack } });
}

/** The message tocsin pinned as the incident's summary, as the fake workspace holds it. */
export function pinnedSummary(h: SlackHarness, channel: string) {
  const summary = h.fake.workspace
    .pins(channel)
    .find(
      (message) =>
        (message.blocks as { block_id?: string }[] | undefined)?.[0]?.block_id === 'tocsin_summary',
    );
  if (!summary) throw new Error(`no pinned summary in ${channel}`);
  return summary;
}

/** The buttons of a message, by label. */
export function buttonsOf(message: {
  blocks?: unknown[];
}): Map<string, { action_id: string; value?: string }> {
  const buttons = new Map<string, { action_id: string; value?: string }>();
  for (const block of (message.blocks ?? []) as {
    type: string;
    elements?: { type: string; action_id: string; value?: string; text: { text: string } }[];
  }[]) {
    if (block.type !== 'actions') continue;
    for (const element of block.elements ?? []) {
      if (element.type === 'button') buttons.set(element.text.text, element);
    }
  }
  return buttons;
}
