import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type EmbeddedRedis, startEmbeddedRedis } from '../../../src/storage/redis/embedded-redis.ts';
import { shardOfGuild } from '../../fakes/discord/fake-discord-gateway.ts';
import { FakeDiscord } from '../../fakes/discord/index.ts';
import { spawnTracked, stopTracked } from '../../support/tracked-process.ts';

const root = new URL('../../..', import.meta.url).pathname;

let child: ChildProcess | undefined;
let discord: FakeDiscord | undefined;
let redis: EmbeddedRedis | undefined;

afterEach(async () => {
  if (child) await stopTracked(child);
  await discord?.close();
  await redis?.stop();
  child = undefined;
  discord = undefined;
  redis = undefined;
});

async function until(check: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('run-shards with two shards', () => {
  it('starts a process per shard; the shard holding the guild answers, and the incident opens once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tocsin-shards-'));
    redis = await startEmbeddedRedis({ dir: join(dir, 'redis') });
    discord = await FakeDiscord.start({ token: 'shard-token' });
    discord.state.gatewayShards = 2;
    child = spawnTracked('node', ['dist/adapters/discord/run-shards.js'], {
      cwd: root,
      stdio: 'ignore',
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '/tmp',
        DISCORD_TOKEN: discord.token,
        DISCORD_APPLICATION_ID: discord.ids.applicationId,
        DISCORD_GUILD_ID: discord.ids.guildId,
        DISCORD_API_URL: discord.apiBase,
        REDIS_URL: redis.url,
        METRICS_PORT: '0',
        POSTMORTEM_DIR: join(dir, 'postmortems'),
        LOG_LEVEL: 'warn',
      },
    });
    const fake = discord;
    await until(() => fake.gateway.identifies.length >= 2, 'both shards to identify');
    expect(fake.gateway.identifies.map((record) => record.shard).sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    // Each shard registers the same commands; wait for the one whose guild the interaction goes to.
    await until(() => fake.state.commands.list(fake.ids.guildId).length > 0, 'the commands');
    fake.gateway.slashCommand({ name: 'incident', subcommand: 'start', options: { title: 'shard test' } });
    const created = await fake.rest.waitForRequest('POST', '/guilds/:id/channels', {
      where: (request) => (request.body as { name?: string }).name === 'inc-1-shard-test',
      timeoutMs: 30_000,
    });
    expect(created.status).toBe(201);
    const owner = shardOfGuild(fake.ids.guildId, 2);
    const delivered = fake.gateway.dispatched.filter((entry) => entry.t === 'INTERACTION_CREATE');
    expect(delivered.map((entry) => entry.deliveredTo.length)).toEqual([1]);
    const ownerSession = fake.gateway.identifies.find((record) => (record.shard as number[])[0] === owner);
    expect(delivered[0]?.deliveredTo).toEqual([ownerSession?.sessionId]);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const channels = fake.rest
      .requestsTo('POST', '/guilds/:id/channels')
      .filter((request) => (request.body as { name?: string }).name === 'inc-1-shard-test');
    expect(channels).toHaveLength(1);
  });
});
