import { type ChildProcess, type SpawnOptions, spawn } from 'node:child_process';

/**
 * Children that tests start (bots, `npm start`, redis-servers) run in a process group of their own,
 * so that stopping one also stops what it started: `npm start` runs sh, which runs node, which may
 * run its own redis-server. Whatever a test forgets, or cannot stop because it timed out, is killed
 * when the test worker exits, so no process outlives the suite.
 */
const groups = new Set<number>();

process.once('exit', () => {
  for (const pgid of groups) signalGroup(pgid, 'SIGKILL');
});

export function spawnTracked(
  command: string,
  args: readonly string[],
  options: SpawnOptions = {},
): ChildProcess {
  const child = spawn(command, args, { ...options, detached: true });
  const pgid = child.pid;
  if (pgid !== undefined) {
    groups.add(pgid);
    // The leader's exit does not end the group: `npm` may exit before the node it started.
    child.once('exit', () => {
      if (!groupAlive(pgid)) groups.delete(pgid);
    });
  }
  return child;
}

/**
 * Sends `signal` to the child (which passes it on, as npm and the bot's shutdown do) and waits until
 * every process of its group is gone, killing what is left after `graceMs`.
 */
export async function stopTracked(
  child: ChildProcess,
  signal: NodeJS.Signals = 'SIGTERM',
  graceMs = 10_000,
): Promise<void> {
  const pgid = child.pid;
  if (pgid === undefined) return;
  if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  const deadline = Date.now() + graceMs;
  while (groupAlive(pgid) && Date.now() < deadline) await sleep(50);
  if (groupAlive(pgid)) signalGroup(pgid, 'SIGKILL');
  while (groupAlive(pgid)) await sleep(20);
  groups.delete(pgid);
  if (child.exitCode === null && child.signalCode === null) {
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // ESRCH: the group is already gone.
  }
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
