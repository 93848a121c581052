import type { App as BoltApp } from '@slack/bolt';
import { type RunningSlackAdapter, startSlackAdapter } from '../../adapters/slack/index.ts';
import { configSchema } from '../../src/config/config-schema.ts';
import { readEnvOptions } from '../../src/config/read-env.ts';
import type { IncidentRef } from '../../src/core/model/incident-ref.ts';
import { createLogger } from '../../src/logging/create-logger.ts';
import { type RunningBoltApp, startBoltHttpApp } from '../../test/fakes/slack/bolt-harness.ts';
import {
  FAKE_IDS,
  type FakeSlack,
  signSlackRequest,
  slashCommandPayload,
  startFakeSlack,
} from '../../test/fakes/slack/index.ts';
import { type BenchApp, createBenchApp } from './bench-app.ts';
import { type BenchRedis, startBenchRedis } from './bench-redis.ts';
import { createHttpPoster, type HttpPoster } from './http-poster.ts';
import { type LoadProcess, startLoadProcess } from './load-process.ts';

/** Both sides of a Slack benchmark: the real adapter and a bare Bolt app, on one fake Slack. */
export interface SlackBench {
  fake: FakeSlack;
  redis: BenchRedis;
  app: BenchApp;
  adapter: RunningSlackAdapter;
  bare: RunningBoltApp;
  /** For set-up requests; the measured load comes from `load`, in its own process. */
  poster: HttpPoster;
  load: LoadProcess;
  /** Warnings and errors the adapter logged, as JSON lines: a benchmark that errors is not measuring. */
  adapterProblems: string[];
  /** The incident declared at start-up and its channel. */
  incident: { ref: IncidentRef; channel: string };
  /** Waits until the adapter's work after acks and the jobs it queued are done, so rounds do not overlap. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts the fake Slack, a private Redis, the app with the real Slack adapter in HTTP mode, and
 * a bare Bolt app (same Bolt, same signing secret, same fake) that `configureBare` gives its
 * ack-only listeners. Declares one incident with `/incident start` so its channel exists.
 */
export async function startSlackBench(
  label: string,
  configureBare: (bolt: BoltApp) => void,
  maxSockets: number,
): Promise<SlackBench> {
  const fake = await startFakeSlack({ socketModePingIntervalMs: 0 });
  const redis = await startBenchRedis(label);
  const app = createBenchApp(redis.connect(), redis.uniquePrefix(label));
  const adapterProblems: string[] = [];
  // Warn level, as production runs at info: the adapter logs nothing per request at either.
  const logger = createLogger({
    level: 'warn',
    destination: { write: (line: string) => void adapterProblems.push(line) },
  });
  const env = readEnvOptions({
    SLACK_BOT_TOKEN: fake.botToken,
    SLACK_SIGNING_SECRET: fake.signingSecret,
    SLACK_API_URL: fake.apiUrl,
    PORT: '0',
  });
  const adapter = await startSlackAdapter(
    { app, env, config: configSchema.parse({}) },
    { host: '127.0.0.1', logger },
  );
  await adapter.backfilled;
  app.startWorkers();
  const bare = await startBoltHttpApp(fake, configureBare);
  const poster = createHttpPoster({ maxSockets });
  const load = startLoadProcess();
  // Only the adapter's own work: the queue also holds the incident's delayed reminders, which
  // a job-queue settle would wait out.
  const settle = async () => {
    if (!(await adapter.settled(60_000))) throw new Error('the adapter did not settle within 60 s');
  };
  const close = async () => {
    load.close();
    poster.close();
    await bare.stop();
    await adapter.stop();
    await app.dispose();
    await redis.stop();
    await fake.close();
  };
  try {
    const status = await poster.post(
      adapter.eventsUrl ?? '',
      ...signedCommand(fake, 'start sev2 benchmark incident', FAKE_IDS.general, 0),
    );
    if (status !== 200) throw new Error(`/incident start was answered ${status}`);
    await settle();
    await app.jobs.settle();
    const ref: IncidentRef = { platform: 'slack', workspace: fake.teamId, number: 1 };
    const channel = (await app.store.state(ref))?.channel?.id;
    if (!channel) throw new Error(`the incident channel was not opened: ${adapterProblems.join('\n')}`);
    return {
      fake,
      redis,
      app,
      adapter,
      bare,
      poster,
      load,
      adapterProblems,
      incident: { ref, channel },
      settle,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/** A signed `/incident <text>` request body and headers, as Slack sends it. */
export function signedCommand(
  fake: FakeSlack,
  text: string,
  channel: string,
  index: number,
): [string, Record<string, string>] {
  const body = commandBody(fake, text, channel, index);
  return [body, signedHeaders(fake, body, 'application/x-www-form-urlencoded')];
}

export const COMMAND_CONTENT_TYPE = 'application/x-www-form-urlencoded';

/** The form body of `/incident <text>` from one of 50 load users (signed when sent). */
export function commandBody(fake: FakeSlack, text: string, channel: string, index: number): string {
  const payload = slashCommandPayload(fake, {
    text,
    channel_id: channel,
    user_id: `U0LOAD${index % 50}`,
    user_name: `load${index % 50}`,
  });
  return new URLSearchParams(payload).toString();
}

export function signedHeaders(fake: FakeSlack, body: string, contentType: string): Record<string, string> {
  return { 'Content-Type': contentType, ...signSlackRequest(fake.signingSecret, body) };
}
