import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { connectRedis } from '../../../src/storage/redis/connect-redis.ts';
import { RedisIncidentStore } from '../../../src/storage/redis/redis-incident-store.ts';
import { RedisKeys } from '../../../src/storage/redis/redis-keys.ts';
import { testRedisUrl, uniquePrefix } from '../../support/test-app.ts';
import { BotProcess } from './support/bot-process.ts';
import { DRIVER_PLATFORM, DRIVER_WORKSPACE, type HistoryLine } from './support/driver-protocol.ts';
import { pause } from './support/wait-for.ts';

const STORM = 1_000;
const BURST = 100;
const KILL_AFTER = 250;
const bots: BotProcess[] = [];
let reader: Redis | undefined;
afterEach(async () => {
  for (const bot of bots.splice(0)) await bot.kill();
  reader?.disconnect();
});

function storm(): HistoryLine[] {
  const start = Date.parse('2025-11-20T10:00:00.000Z');
  return Array.from({ length: STORM }, (_, i) => ({
    id: `1700000000.${String(i).padStart(6, '0')}`,
    text: `storm message ${String(i).padStart(4, '0')}`,
    at: new Date(start + i * 10).toISOString(),
    user: `U${i % 7}`,
  }));
}

describe('the bot is killed (SIGKILL) during a storm of 1,000 messages', () => {
  it('every message it acknowledged is in the log, and after a restart and backfill the draft holds all 1,000', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tocsin-storm-'));
    const historyFile = join(dir, 'history.jsonl');
    const env = {
      REDIS_URL: testRedisUrl(),
      TOCSIN_PREFIX: uniquePrefix('storm'),
      HISTORY_FILE: historyFile,
      POSTMORTEM_DIR: join(dir, 'postmortems'),
      LOG_LEVEL: 'warn',
    };
    const messages = storm();
    // The channel's history is empty while it is opened (linking reads it back); the storm comes after.
    writeFileSync(historyFile, '');

    const first = await BotProcess.driver(env);
    bots.push(first);
    first.send({ op: 'declare', title: 'storm' });
    const declared = await first.waitFor((event) => event.event === 'declared', 'the incident');
    const channel = String(declared.channel);
    const number = Number(declared.number);

    // Delivered as a platform would: in bursts, many in flight at once, so the kill lands mid-burst.
    let sent = 0;
    const delivering = (async () => {
      while (sent < STORM && first.count((event) => event.event === 'captured') < KILL_AFTER) {
        for (const message of messages.slice(sent, sent + BURST))
          first.send({ op: 'message', channel, ...message });
        sent = Math.min(STORM, sent + BURST);
        await pause(20);
      }
    })();
    await first.until(
      () => first.count((event) => event.event === 'captured') >= KILL_AFTER,
      'acknowledgements',
    );
    await first.kill();
    await delivering;
    // The platform keeps everything that is said, whether or not the bot was there to hear it.
    writeFileSync(historyFile, messages.map((message) => JSON.stringify(message)).join('\n'));
    const acknowledged = first.events
      .filter((event) => event.event === 'captured')
      .map((event) => String(event.id));

    reader = connectRedis(testRedisUrl());
    const store = new RedisIncidentStore(reader, new RedisKeys(env.TOCSIN_PREFIX));
    const ref = { platform: DRIVER_PLATFORM, workspace: DRIVER_WORKSPACE, number };
    const capturedIds = async () =>
      (await store.read(ref)).flatMap((event) =>
        event.type === 'message_captured' ? [event.messageId] : [],
      );

    const afterKill = new Set(await capturedIds());
    expect(acknowledged.filter((id) => !afterKill.has(id))).toEqual([]);
    // The kill came mid-storm, so there is something left for the backfill to find.
    expect(afterKill.size).toBeLessThan(STORM);

    const second = await BotProcess.driver(env);
    bots.push(second);
    second.send({ op: 'backfill' });
    const backfilled = await second.waitFor((event) => event.event === 'backfilled', 'the backfill');
    expect(backfilled.written).toBe(STORM - afterKill.size);

    const ids = await capturedIds();
    expect(ids).toHaveLength(STORM);
    expect(new Set(ids).size).toBe(STORM);

    second.send({ op: 'command', id: 'pm', text: 'postmortem', channel });
    const reply = await second.waitFor((event) => event.event === 'reply' && event.id === 'pm', 'the draft');
    expect(String(reply.text)).toContain('Postmortem draft');
    const folder = join(env.POSTMORTEM_DIR, readdirSync(env.POSTMORTEM_DIR)[0] as string);
    const draft = readFileSync(join(folder, readdirSync(folder)[0] as string), 'utf8');
    const missing = messages.filter((message) => !draft.includes(message.text));
    expect(missing.map((message) => message.text)).toEqual([]);
  }, 90_000);
});
