/**
 * A bot process for fault tests: the real app (createApp, the graceful shutdown, the logger,
 * real Redis and BullMQ), driven over stdin by JSON lines instead of a chat platform, and
 * reporting over stdout what it acknowledged. Logs (JSON) go to stderr.
 *
 * In:  {"op":"declare","title":"…"}              → {"event":"declared","channel":"…","number":1}
 *      {"op":"message","id":"m1","text":"…","channel":"…"} → {"event":"captured","id":"m1"}
 *      {"op":"command","id":"c1","text":"note …","channel":"…"} → {"event":"accepted","id":"c1"}, then
 *                                                    {"event":"reply","id":"c1","text":"…"}
 *      {"op":"enqueue","name":"hang"|"fail","jobId":"…","data":{…}} → {"event":"enqueued","jobId":"…"}
 *      {"op":"backfill"}                          → {"event":"backfilled","written":n}
 *      a refused request answers {"event":"refused","id":"…","code":"…","text":"…"}
 * Out, unprompted: {"event":"ready"}, {"event":"job-active","jobId":"…"}, {"event":"job-done","jobId":"…"}
 *
 * Environment: REDIS_URL, TOCSIN_PREFIX, HISTORY_FILE (what the fake platform's history holds),
 * POSTMORTEM_DIR, SHUTDOWN_DEADLINE_MS, HANG_ON_STOP=1 (an adapter whose stop never returns),
 * HANG_AFTER_REDIS=1 (a last shutdown step that never returns),
 * HANG_JOBS_FINISH=1 (the `hang` job finishes at once: a later incarnation doing the work),
 * CONFIG_JSON (the app's config as JSON, e.g. severities and pagers; defaults to a transcript-only
 * config), LOG_LEVEL, and any credentials (scrubbed from the logs like in production).
 */
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { createApp } from '../../../../src/app/create-app.ts';
import { createShutdown, exitOnSignals } from '../../../../src/app/graceful-shutdown.ts';
import { configSchema } from '../../../../src/config/config-schema.ts';
import { readEnvOptions, secretValues } from '../../../../src/config/read-env.ts';
import { backfillOpenIncidents } from '../../../../src/core/backfill-incident.ts';
import { systemErrorReply } from '../../../../src/core/commands/system-error-reply.ts';
import { SystemError } from '../../../../src/core/errors.ts';
import type { InboundContext } from '../../../../src/core/inbound-event.ts';
import type { IncidentState } from '../../../../src/core/model/incident-state.ts';
import { createLogger } from '../../../../src/logging/create-logger.ts';
import { createMetrics } from '../../../../src/observability/metrics.ts';
import type { ChatPlatform, HistoryMessage } from '../../../../src/ports/chat-platform.ts';
import type { RunningAdapter } from '../../../../src/ports/running-adapter.ts';
import { connectRedis } from '../../../../src/storage/redis/connect-redis.ts';
import { DRIVER_PLATFORM, DRIVER_WORKSPACE, type HistoryLine } from './driver-protocol.ts';

/** A line of input; `data` is the payload of an enqueued job. */
type Request = Partial<
  Record<'op' | 'id' | 'title' | 'text' | 'channel' | 'at' | 'name' | 'jobId', string>
> & {
  data?: unknown;
};

const env = readEnvOptions();
const raw = env.raw;
const say = (line: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(line)}\n`);

/** The fake platform: channels are names, and the history is whatever the test wrote to HISTORY_FILE. */
class StormPlatform implements ChatPlatform {
  readonly name = DRIVER_PLATFORM;
  async provisionIncidentSpace(incident: IncidentState) {
    return { channelId: `inc-${incident.number}`, channelName: `inc-${incident.number}` };
  }
  async postMessage(): Promise<void> {}
  async *fetchHistory(): AsyncIterable<HistoryMessage> {
    if (!raw.HISTORY_FILE) return;
    for (const line of readFileSync(raw.HISTORY_FILE, 'utf8').split('\n')) {
      if (!line) continue;
      const message = JSON.parse(line) as HistoryLine;
      yield {
        messageId: message.id,
        text: message.text,
        occurredAt: new Date(message.at),
        actor: { id: message.user, name: message.user },
      };
    }
  }
}

async function run(): Promise<void> {
  const logger = createLogger({
    level: env.logLevel,
    secrets: secretValues(env),
    destination: { write: (line: string) => process.stderr.write(line) },
  });
  const redis = connectRedis(raw.REDIS_URL ?? '', {}, { logger });
  const app = createApp({
    redis,
    config: configSchema.parse(
      raw.CONFIG_JSON ? JSON.parse(raw.CONFIG_JSON) : { postmortem: { include_transcript: true } },
    ),
    postmortemDir: raw.POSTMORTEM_DIR ?? '/tmp',
    prefix: raw.TOCSIN_PREFIX ?? 'tocsin',
    metrics: createMetrics({ defaultMetrics: false }),
    logger,
  });
  app.platforms.register(new StormPlatform());
  app.jobs.handle('hang', async (_data, job) => {
    say({ event: 'job-active', jobId: job.id });
    if (raw.HANG_JOBS_FINISH !== '1') await new Promise(() => {});
    say({ event: 'job-done', jobId: job.id });
  });
  app.jobs.handle('fail', async () => {
    throw new Error(`upstream said 401 for ${raw.SLACK_BOT_TOKEN ?? 'no token'}`);
  });

  const input = createInterface({ input: process.stdin, terminal: false });
  const stdinAdapter: RunningAdapter = {
    name: 'stdin',
    isReady: () => true,
    stop: async () => {
      input.close();
      if (raw.HANG_ON_STOP === '1') await new Promise(() => {});
    },
  };
  const shutdown = createShutdown({
    app,
    redis,
    adapters: () => [stdinAdapter],
    logger,
    ...(raw.SHUTDOWN_DEADLINE_MS ? { deadlineMs: Number(raw.SHUTDOWN_DEADLINE_MS) } : {}),
    ...(raw.HANG_AFTER_REDIS === '1' ? { afterRedis: [() => new Promise<void>(() => {})] } : {}),
  });
  exitOnSignals(shutdown, logger);
  app.startWorkers();
  await redis.ping();

  const context = (channel: string): InboundContext => ({
    platform: DRIVER_PLATFORM,
    workspace: DRIVER_WORKSPACE,
    channel,
    actor: { id: 'U1', name: 'sam' },
  });
  const refuse = (id: unknown, error: unknown) =>
    say({
      event: 'refused',
      id,
      code: error instanceof SystemError ? error.code : 'unknown',
      text: systemErrorReply(error).text,
    });

  const handle = async (request: Request) => {
    switch (request.op) {
      case 'declare': {
        const reply = await app.core.process({
          kind: 'command',
          text: `start sev2 ${request.title}`,
          context: context('general'),
        });
        await app.jobs.settle();
        const number = reply?.incident?.number ?? 0;
        const state = await app.store.state({
          platform: DRIVER_PLATFORM,
          workspace: DRIVER_WORKSPACE,
          number,
        });
        say({ event: 'declared', number, channel: state?.channel?.id });
        return;
      }
      case 'message':
        await app.core.process({
          kind: 'message',
          messageId: request.id ?? '',
          text: request.text ?? '',
          occurredAt: new Date(request.at ?? Date.now()),
          context: context(request.channel ?? 'general'),
        });
        say({ event: 'captured', id: request.id });
        return;
      case 'command': {
        say({ event: 'accepted', id: request.id });
        const reply = await app.core.process({
          kind: 'command',
          text: request.text ?? '',
          context: context(request.channel ?? 'general'),
        });
        say({ event: 'reply', id: request.id, text: reply?.text });
        return;
      }
      case 'enqueue':
        await app.jobs.enqueue(request.name ?? 'hang', request.data ?? {}, { jobId: request.jobId ?? 'job' });
        say({ event: 'enqueued', jobId: request.jobId });
        return;
      case 'backfill':
        say({ event: 'backfilled', written: await backfillOpenIncidents(app.services, DRIVER_PLATFORM) });
        return;
      default:
        say({ event: 'unknown-op', op: request.op });
    }
  };

  say({ event: 'ready' });
  // Like a platform's webhooks, requests are handled as they arrive, many at once.
  for await (const line of input) {
    if (!line.trim()) continue;
    const request = JSON.parse(line) as Request;
    void handle(request).catch((error: unknown) => refuse(request.id, error));
  }
}

run().catch((error: unknown) => {
  process.stderr.write(`driver failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(2);
});
