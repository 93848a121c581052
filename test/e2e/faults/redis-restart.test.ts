import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConsoleChat } from '../../../adapters/console/console-chat.ts';
import { systemErrorReply } from '../../../src/core/commands/system-error-reply.ts';
import { SystemError } from '../../../src/core/errors.ts';
import type { StoredEvent } from '../../../src/core/model/events.ts';
import { createOpsApp, type OpsApp } from '../../integration/operations/support/ops-app.ts';
import { PrivateRedis } from './support/private-redis.ts';
import { pause, waitFor } from './support/wait-for.ts';

let redis: PrivateRedis;
let app: OpsApp | undefined;
beforeEach(async () => {
  redis = await PrivateRedis.start();
});
afterEach(async () => {
  await redis.restart();
  await app?.dispose();
  app = undefined;
  await redis.destroy();
});

function notes(events: StoredEvent[]): string[] {
  return events.flatMap((event) => (event.type === 'note_added' ? [event.text] : []));
}

function messages(events: StoredEvent[]): string[] {
  return events.flatMap((event) => (event.type === 'message_captured' ? [event.messageId] : []));
}

/**
 * Types notes and says messages one after another, as people in the channel would, while
 * `fault` runs once `faultAt` of them have gone through. Returns what the bot acknowledged.
 */
async function typeThrough(fault: () => Promise<void>, total: number, faultAt: number) {
  if (!app) throw new Error('no app');
  const { channel } = await app.declare('checkout errors', 'sev1');
  const acknowledgedNotes: string[] = [];
  const acknowledgedMessages: string[] = [];
  const refused: string[] = [];
  let faulting: Promise<void> | undefined;
  for (let i = 0; i < total; i++) {
    if (i === faultAt) faulting = fault();
    try {
      const reply = await app.command(`note step ${i}`, { channel });
      if (reply?.error) throw new Error(reply.text);
      acknowledgedNotes.push(`step ${i}`);
      await app.message(`message ${i}`, channel, `m${i}`);
      acknowledgedMessages.push(`m${i}`);
    } catch (error) {
      if (!(error instanceof SystemError)) throw error;
      refused.push(`step ${i}`);
    }
  }
  await faulting;
  return { acknowledgedNotes, acknowledgedMessages, refused };
}

describe('redis-server restarts in the middle of an incident', () => {
  it('a note typed while redis-server is down waits for it to come back and is recorded', async () => {
    app = createOpsApp({ redisUrl: redis.url });
    const { channel, ref } = await app.declare('checkout errors');
    await app.command('note before the restart', { channel });
    await redis.stop();
    const during = app.command('note typed while redis was down', { channel });
    await waitFor(() => app?.core.inFlight.count === 1, 'the note to be in flight');
    await pause(300);
    await redis.restart();
    expect((await during)?.text).toContain('Noted: typed while redis was down');
    expect(notes(await app.store.read(ref))).toEqual(['before the restart', 'typed while redis was down']);
  });

  // A clean restart (what `docker compose restart` and a host reboot do): Redis writes and fsyncs its
  // AOF before it exits. A SIGKILL of redis-server is not tested for zero loss on purpose: with
  // `appendfsync everysec` Redis may answer writes whose AOF write is postponed behind a slow fsync,
  // so a crash can lose up to about two seconds of acknowledged writes (see README, Operations).
  it('nothing acknowledged is lost across a clean restart (SIGTERM, AOF on)', async () => {
    app = createOpsApp({ redisUrl: redis.url });
    const restart = async () => {
      await redis.stop();
      await pause(500);
      await redis.restart();
    };
    const outcome = await typeThrough(restart, 150, 40);
    const events = await app.store.read({ platform: 'console', workspace: 'local', number: 1 });
    expect(outcome.acknowledgedNotes.length).toBeGreaterThan(100);
    expect(new Set(notes(events))).toEqual(new Set(outcome.acknowledgedNotes));
    expect(new Set(messages(events))).toEqual(new Set(outcome.acknowledgedMessages));
  });

  it('an incident declared while redis-server restarts still gets its channel', async () => {
    app = createOpsApp({ redisUrl: redis.url });
    await app.redis.ping();
    await redis.stop();
    const declaring = app.command('start sev2 declared in the dark');
    await waitFor(() => app?.core.inFlight.count === 1, 'the declaration to be in flight');
    await redis.restart();
    const reply = await declaring;
    expect(reply?.text).toContain('INC-1 declared');
    await app.jobs.settle();
    await waitFor(
      async () =>
        (await app?.store.state({ platform: 'console', workspace: 'local', number: 1 }))?.channel !==
        undefined,
      'the channel to be linked',
    );
  });
});

describe('redis-server stays down longer than a command can wait', () => {
  it('the command is answered "could not record, try again" and is not in the log', async () => {
    app = createOpsApp({ redisUrl: redis.url, outageBudgetMs: 1_500 });
    const { channel, ref } = await app.declare('checkout errors');
    await redis.stop();
    const failure = await app.command('note lost in the outage', { channel }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(SystemError);
    expect((failure as SystemError).code).toBe('not_recorded');
    expect(systemErrorReply(failure).text).toMatch(/^Could not record that, try again/);
    await redis.restart();
    await waitFor(() => app?.redis.status === 'ready', 'the client to reconnect');
    expect(notes(await app.store.read(ref))).toEqual([]);
    expect((await app.command('note lost in the outage', { channel }))?.text).toContain('Noted');
    expect(notes(await app.store.read(ref))).toEqual(['lost in the outage']);
  });

  it('the console shows the person "Could not record that, try again"', async () => {
    app = createOpsApp({ redisUrl: redis.url, outageBudgetMs: 1_000 });
    const { channel } = await app.declare('checkout errors');
    const output = new PassThrough();
    let printed = '';
    output.on('data', (chunk: Buffer) => {
      printed += chunk.toString();
    });
    const chat = new ConsoleChat({
      core: app.core,
      jobs: app.jobs,
      clock: app.clock,
      input: new PassThrough(),
      output,
      timeZone: 'UTC',
      channel,
    });
    await redis.stop();
    await chat.handleLine('/incident note lost in the outage');
    expect(printed).toContain(`[#${channel}] tocsin (only visible to you): Could not record that, try again`);
  });
});
