import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { LoadResult, PacedResult } from './load-generator.ts';
import type { LoadAnswer, LoadRequest } from './load-process-protocol.ts';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SCRIPT = fileURLToPath(new URL('../children/load-generator.ts', import.meta.url));

/** The load generator's process, as the Slack benchmarks drive it. */
export interface LoadProcess {
  closedLoop(request: Omit<LoadRequest, 'ratePerSec'>): Promise<LoadResult>;
  paced(request: LoadRequest & { ratePerSec: number }): Promise<PacedResult>;
  close(): void;
}

/**
 * Forks bench/children/load-generator.ts (under tsx, from the repository root). It shares the
 * machine's cores with the bot, as a real client would, but not the bot's event loop.
 */
export function startLoadProcess(): LoadProcess {
  const child: ChildProcess = fork(SCRIPT, [], {
    cwd: REPO_ROOT,
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let exited: Error | undefined;
  child.on('exit', (code, signal) => {
    exited = new Error(`the load generator exited with ${signal ?? code}`);
  });
  const ask = (request: LoadRequest): Promise<LoadResult> =>
    new Promise((resolve, reject) => {
      if (exited) return reject(exited);
      const onExit = () => reject(exited);
      child.once('exit', onExit);
      child.once('message', (answer: LoadAnswer) => {
        child.off('exit', onExit);
        if (answer.ok) resolve(answer.result);
        else reject(new Error(`the load generator failed: ${answer.error}`));
      });
      child.send(request);
    });
  return {
    closedLoop: (request) => ask(request),
    paced: (request) => ask(request) as Promise<PacedResult>,
    close: () => {
      if (child.connected) child.disconnect();
    },
  };
}
