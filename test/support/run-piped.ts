import { spawnTracked, stopTracked } from './tracked-process.ts';

const root = new URL('../..', import.meta.url).pathname;

/** Runs the bot (or npm) in the repo with `input` piped in, as a person piping a script would. */
export function runPiped(
  command: string,
  args: string[],
  input: string,
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawnTracked(command, args, {
      cwd: root,
      env: { ...env, HOME: process.env.HOME ?? '/tmp' },
    });
    // Whatever the run leaves behind (npm, the bot, its redis-server) ends with it.
    child.once('exit', () => void stopTracked(child, 'SIGKILL', 0));
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
    child.stdin?.end(input);
  });
}
