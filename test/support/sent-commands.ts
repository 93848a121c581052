import type { Redis } from 'ioredis';

/**
 * The names of the commands one connection sends while `run` runs: a round-trip count that needs
 * no MONITOR (which would see every other test sharing the server too).
 */
export async function sentCommands(redis: Redis, run: () => Promise<unknown>): Promise<string[]> {
  const sent: string[] = [];
  const original = redis.sendCommand.bind(redis);
  redis.sendCommand = ((command: { name: string }, ...rest: unknown[]) => {
    sent.push(command.name);
    return (original as (...args: unknown[]) => unknown)(command, ...rest);
  }) as typeof redis.sendCommand;
  try {
    await run();
  } finally {
    redis.sendCommand = original;
  }
  return sent;
}
