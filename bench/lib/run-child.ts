import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Starts `node --import tsx <script> <input as JSON>` from the repository root: the same way
 * the Dockerfile runs the bot, so a child's memory and start-up are the bot's own.
 */
export function spawnTsChild(script: URL, input: unknown): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', fileURLToPath(script), JSON.stringify(input)], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/**
 * Runs a child to completion and returns the JSON object it printed last. A child that fails
 * rejects with its stderr, so a broken benchmark says why.
 */
export function runTsChild<T>(script: URL, input: unknown, timeoutMs = 120_000): Promise<T> {
  return childAnswer(spawnTsChild(script, input), script.pathname, timeoutMs);
}

/** What a started child printed last as JSON, once it exits 0; its stderr when it fails. */
export function childAnswer<T>(child: ChildProcess, name: string, timeoutMs = 120_000): Promise<T> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      const last = stdout
        .trim()
        .split('\n')
        .reverse()
        .find((line) => line.startsWith('{'));
      if (code !== 0 || last === undefined) {
        reject(new Error(`${name} exited with ${signal ?? code}:\n${stderr.trim() || stdout.trim()}`));
        return;
      }
      resolve(JSON.parse(last) as T);
    });
  });
}

/** The JSON input a child was started with. */
export function childInput<T>(): T {
  const raw = process.argv[2];
  if (raw === undefined)
    throw new Error('this script is started by the benchmark runner, with its input as JSON');
  return JSON.parse(raw) as T;
}

/** What a child prints as its answer: one JSON line on stdout. */
export function answerParent(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}
