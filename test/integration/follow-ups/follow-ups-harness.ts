import { ConsolePlatform } from '../../../adapters/console/console-platform.ts';
import type { StoredEvent } from '../../../src/core/model/events.ts';
import type { IncidentRef } from '../../../src/core/model/incident-ref.ts';
import type { IncidentState } from '../../../src/core/model/incident-state.ts';
import { createLogger } from '../../../src/logging/create-logger.ts';
import type { HttpReceiver, ReceivedRequest } from '../../fakes/pagers/http-receiver.ts';
import { createTestApp, type TestApp, testConfig } from '../../support/test-app.ts';

export const GITHUB_TOKEN = 'ghp_FakeTokenForTests0123456789abcdefABCD';
export const JIRA_TOKEN = 'ATATT3xFfGF0-fake-jira-token-for-tests-0123456789';
export const WEBHOOK_SECRET = 'whsec-follow-ups-test-secret-7f3a9c';
export const STATUSPAGE_KEY = 'sp-api-key-for-tests-0123456789abcdef';

const context = (channel: string, actor = 'alice') => ({
  platform: 'console',
  workspace: 'local',
  channel,
  actor: { id: actor, name: actor },
});

/** A bot with follow-ups configured, driven through the core as the console adapter does. */
export interface FollowUpBot {
  app: TestApp;
  ref: IncidentRef;
  /** What the bot said in the channel on its own (notices), and the log lines, for leak checks. */
  said: string[];
  logLines: string[];
  /** Runs `/incident <text>` in the incident channel and returns the reply text. */
  say(text: string, actor?: string): Promise<string>;
  state(): Promise<IncidentState>;
  events(): Promise<StoredEvent[]>;
  /** Waits (bounded) until the log has an event the predicate accepts; returns it. */
  waitForEvent(predicate: (event: StoredEvent) => boolean, timeoutMs?: number): Promise<StoredEvent>;
  request(path: string, init?: RequestInit): Promise<Response>;
  dispose(): Promise<void>;
}

export async function startBot(
  config: Record<string, unknown>,
  declare = 'start sev2 checkout errors',
): Promise<FollowUpBot> {
  const logLines: string[] = [];
  const logger = createLogger({
    level: 'trace',
    destination: { write: (line: string) => logLines.push(line) },
  });
  const app = createTestApp({ config: testConfig(config), logger });
  const said: string[] = [];
  app.platforms.register(new ConsolePlatform((text) => said.push(text), app.services.redactor));
  const declared = await app.core.process({ kind: 'command', text: declare, context: context('general') });
  const ref = declared?.incident as IncidentRef;
  await app.jobs.settle();
  const channel = (await app.store.state(ref))?.channel?.id as string;
  const events = async () => (await app.store.read(ref)) as StoredEvent[];
  return {
    app,
    ref,
    said,
    logLines,
    say: async (text, actor) => {
      const reply = await app.core.process({ kind: 'command', text, context: context(channel, actor) });
      await app.jobs.settle();
      return [reply?.text, ...(reply?.error?.usage ? [reply.error.usage] : [])].join('\n');
    },
    state: async () => (await app.store.state(ref)) as IncidentState,
    events,
    waitForEvent: async (predicate, timeoutMs = 20_000) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = (await events()).find(predicate);
        if (found) return found;
        if (Date.now() > deadline)
          throw new Error(`no such event in: ${(await events()).map((e) => e.type).join(', ')}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
    request: async (path, init) => {
      const response = await app.http.routes.request(path, init);
      await app.jobs.settle();
      return response;
    },
    dispose: () => app.dispose(),
  };
}

/** Closes fakes and bots a test left open (afterEach). */
export async function closeAll(
  ...things: ({ close(): Promise<void> } | { dispose(): Promise<void> } | undefined)[]
): Promise<void> {
  for (const thing of things) {
    if (thing && 'close' in thing) await thing.close();
    else if (thing) await thing.dispose();
  }
}

/** The service's next answer is a rate limit that asks for one second. */
export function rateLimitOnce(receiver: HttpReceiver, status: number, body: unknown): void {
  receiver.answerNext({ status, headers: { 'retry-after': '1' }, body });
}

/** The answers of the first two requests, and whether the second waited the second it was asked to. */
export function retryOf(requests: readonly ReceivedRequest[]): { statuses: unknown[]; waited: boolean } {
  const [first, second] = requests;
  return {
    statuses: [first?.status, second?.status],
    waited: (second?.receivedAt ?? 0) - (first?.receivedAt ?? 0) >= 900,
  };
}
