import { join } from 'node:path';
import { createApp } from '../app/create-app.ts';
import { loadConfig } from '../config/load-config.ts';
import { readEnvOptions } from '../config/read-env.ts';
import { createLogger } from '../logging/create-logger.ts';
import { connectRedis } from '../storage/redis/connect-redis.ts';
import { type EmbeddedRedis, startEmbeddedRedis } from '../storage/redis/embedded-redis.ts';
import { IMPORT_USAGE, readImportArgs } from './import-args.ts';
import { ImportError } from './import-source.ts';
import { describeImport, openExport, runImport } from './run-import.ts';

/** `npm run import -- slack|discord …`: an export becomes a resolved incident with its draft. */
async function main(argv: readonly string[]): Promise<number> {
  const args = readImportArgs(argv);
  if (!args.ok) {
    process.stderr.write(`tocsin import: ${args.error}\n${IMPORT_USAGE}\n`);
    return 2;
  }
  const { request } = args;
  const source = await openExport(request);
  if (request.dryRun) {
    process.stdout.write(`${(await describeImport(request, source)).lines.join('\n')}\n`);
    return 0;
  }
  const env = readEnvOptions();
  const config = loadConfig(env.configPath, env.raw, env.configExplicit);
  // No REDIS_URL: the same managed redis-server (and data) that `npm start` uses.
  const embedded: EmbeddedRedis | undefined = env.redisUrl
    ? undefined
    : await startEmbeddedRedis({ dir: join(env.dataDir, 'redis') });
  const url = env.redisUrl ?? (embedded as EmbeddedRedis).url;
  const redis = connectRedis(url);
  const logger = createLogger({ level: env.raw.LOG_LEVEL ?? 'warn', destination: process.stderr });
  const app = createApp({ redis, config, postmortemDir: env.postmortemDir, logger });
  try {
    process.stdout.write(`${(await runImport(app, request, source)).join('\n')}\n`);
    return 0;
  } finally {
    await app.close();
    redis.disconnect();
    await embedded?.stop();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const message =
      error instanceof ImportError ? error.message : `could not import: ${(error as Error).message}`;
    process.stderr.write(`tocsin import: ${message}\n`);
    process.exit(error instanceof ImportError ? 2 : 1);
  },
);
