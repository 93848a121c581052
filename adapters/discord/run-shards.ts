import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { REST, type RESTGetAPIGatewayBotResult, Routes, ShardingManager } from 'discord.js';
import { readEnvOptions } from '../../src/config/read-env.ts';

/**
 * For bots in thousands of guilds: `node dist/adapters/discord/run-shards.js` starts one tocsin
 * process per shard with discord.js's ShardingManager. Each process runs the whole app (the
 * Discord client for its shards, the job workers) against the same Redis, so REDIS_URL must be
 * set; discord.js tells each client its shard ids through the environment it forks with.
 */
async function runShards(): Promise<void> {
  const env = readEnvOptions();
  if (!env.discord) throw new Error('set DISCORD_TOKEN and DISCORD_APPLICATION_ID');
  if (!env.redisUrl) throw new Error('set REDIS_URL: every shard process must share one Redis');
  // Asked from DISCORD_API_URL, not left to ShardingManager's 'auto', which ignores that setting.
  const rest = new REST({ api: env.discord.apiUrl }).setToken(env.discord.token);
  const gateway = (await rest.get(Routes.gatewayBot())) as RESTGetAPIGatewayBotResult;
  // Compiled, each shard runs the bundle that `npm start` runs; from source (tsx), main.ts, and each
  // shard needs tsx's loader too.
  const compiled = extname(fileURLToPath(import.meta.url)) === '.js';
  const entry = new URL(compiled ? '../../tocsin.mjs' : '../../src/main.ts', import.meta.url);
  const manager = new ShardingManager(fileURLToPath(entry), {
    token: env.discord.token,
    totalShards: gateway.shards,
    mode: 'process',
    execArgv: compiled ? [] : ['--import', 'tsx'],
  });
  manager.on('shardCreate', (shard) => process.stdout.write(`tocsin shard ${shard.id} starting\n`));
  await manager.spawn();
}

runShards().catch((error: unknown) => {
  process.stderr.write(`tocsin shards could not start: ${(error as Error).message}\n`);
  process.exit(1);
});
