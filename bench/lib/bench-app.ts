import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Redis } from 'ioredis';
import {
  CONSOLE_PLATFORM,
  CONSOLE_WORKSPACE,
  ConsolePlatform,
} from '../../adapters/console/console-platform.ts';
import { type App, createApp } from '../../src/app/create-app.ts';
import { configSchema } from '../../src/config/config-schema.ts';
import type { InboundContext } from '../../src/core/inbound-event.ts';
import type { IncidentRef } from '../../src/core/model/incident-ref.ts';
import type { Clock } from '../../src/core/time/clock.ts';

export interface BenchApp extends App {
  postmortemDir: string;
  /** Closes workers and queues and removes the drafts; the Redis connection is the caller's. */
  dispose(): Promise<void>;
}

/**
 * The whole app as `npm start` wires it (core, Redis store, BullMQ, postmortem writer), with a
 * silent console platform so declaring an incident opens a channel, like test/support/test-app.ts.
 */
export function createBenchApp(redis: Redis, prefix: string, clock?: Clock): BenchApp {
  const postmortemDir = mkdtempSync(join(tmpdir(), 'tocsin-bench-pm-'));
  const app = createApp({
    redis,
    config: configSchema.parse({}),
    postmortemDir,
    prefix,
    ...(clock === undefined ? {} : { clock }),
  });
  app.platforms.register(new ConsolePlatform(() => {}, app.services.redactor));
  return {
    ...app,
    postmortemDir,
    dispose: async () => {
      // BullJobQueue.close() leaves open the connection it duplicated for its worker (BullMQ
      // treats a connection it was handed as the caller's), so close it here until that is fixed.
      const workerConnection = app.jobs.running ? await app.jobs.start().getBackend().client : undefined;
      await app.close();
      workerConnection?.disconnect();
      rmSync(postmortemDir, { recursive: true, force: true });
    },
  };
}

export function consoleContext(channel: string, user: string, eventId?: string): InboundContext {
  return {
    platform: CONSOLE_PLATFORM,
    workspace: CONSOLE_WORKSPACE,
    channel,
    actor: { id: user, name: user },
    ...(eventId === undefined ? {} : { eventId }),
  };
}

/**
 * Declares an incident the way a responder does (`/incident start`) and waits until its
 * channel is open, so chatter in that channel is captured.
 */
export async function declareBenchIncident(
  app: App,
  title: string,
): Promise<{ ref: IncidentRef; channel: string }> {
  const reply = await app.core.process({
    kind: 'command',
    text: `start sev2 ${title}`,
    context: consoleContext('general', 'alice'),
  });
  if (!reply?.incident || reply.error) throw new Error(`could not declare the incident: ${reply?.text}`);
  const ref: IncidentRef = {
    platform: reply.incident.platform,
    workspace: reply.incident.workspace,
    number: reply.incident.number,
  };
  app.startWorkers();
  await app.jobs.settle();
  const state = await app.store.state(ref);
  if (!state?.channel) throw new Error('the incident channel was not opened');
  return { ref, channel: state.channel.id };
}
