import type { ChildProcess } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { spawnTracked } from '../../../support/tracked-process.ts';

const root = fileURLToPath(new URL('../../../../', import.meta.url));

export type BotEvent = Record<string, unknown> & { event: string };

export interface BotExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/**
 * A bot running as a real child process (the fault-test driver, or `src/main.ts` itself), with
 * what it printed kept for assertions. Platform fault tests can start their adapter the same way,
 * pointing its API base URL at a fake under test/fakes/.
 */
export class BotProcess {
  readonly events: BotEvent[] = [];
  stdout = '';
  stderr = '';
  readonly exited: Promise<BotExit>;
  private readonly child: ChildProcess & { stdin: Writable; stdout: Readable; stderr: Readable };
  private partial = '';
  private readonly listeners = new Set<() => void>();

  private constructor(nodeArgs: readonly string[], env: Record<string, string>) {
    this.child = spawnTracked(process.execPath, nodeArgs, {
      cwd: root,
      stdio: 'pipe',
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
    }) as BotProcess['child'];
    this.child.stdout.on('data', (chunk: Buffer) => this.onStdout(chunk.toString()));
    this.child.stderr.on('data', (chunk: Buffer) => {
      this.stderr += chunk.toString();
      this.notify();
    });
    // A bot killed mid-write leaves stdin broken; that is the point of the test, not an error.
    this.child.stdin.on('error', () => {});
    this.exited = new Promise((resolve) => {
      this.child.on('exit', (code, signal) => {
        resolve({ code, signal });
        this.notify();
      });
    });
  }

  /** The fault-test driver (see bot-driver.ts); resolves once it says it is ready. */
  static async driver(env: Record<string, string>): Promise<BotProcess> {
    const bot = new BotProcess(['--import', 'tsx', 'test/e2e/faults/support/bot-driver.ts'], env);
    await bot.waitFor((event) => event.event === 'ready', 'the driver to be ready', 30_000);
    return bot;
  }

  /** The real composition root, compiled, as `npm start` and the Docker image run it. */
  static main(env: Record<string, string>): BotProcess {
    return new BotProcess(['dist/tocsin.mjs'], env);
  }

  get pid(): number {
    return this.child.pid ?? 0;
  }

  send(request: Record<string, unknown>): void {
    this.child.stdin.write(`${JSON.stringify(request)}\n`);
  }

  signal(signal: NodeJS.Signals): void {
    this.child.kill(signal);
  }

  count(predicate: (event: BotEvent) => boolean): number {
    return this.events.filter(predicate).length;
  }

  /** Resolves with the first event matching, waiting for it if it has not come yet. */
  waitFor(predicate: (event: BotEvent) => boolean, what: string, timeoutMs = 20_000): Promise<BotEvent> {
    return this.until(() => this.events.find(predicate), what, timeoutMs);
  }

  /** Resolves once `check` returns something other than undefined/false. */
  until<T>(check: () => T | undefined | false, what: string, timeoutMs = 20_000): Promise<T> {
    return new Promise((resolve, reject) => {
      const attempt = () => {
        const value = check();
        if (value !== undefined && value !== false) {
          cleanup();
          resolve(value);
        }
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`timed out waiting for ${what}; stderr:\n${this.stderr.slice(-2000)}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.listeners.delete(attempt);
      };
      this.listeners.add(attempt);
      attempt();
    });
  }

  /** Sends SIGKILL (if still running) and waits for the process to be gone. */
  async kill(): Promise<BotExit> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
    return this.exited;
  }

  private onStdout(text: string): void {
    this.stdout += text;
    this.partial += text;
    const lines = this.partial.split('\n');
    this.partial = lines.pop() ?? '';
    for (const line of lines) {
      if (!line.startsWith('{')) continue;
      try {
        this.events.push(JSON.parse(line) as BotEvent);
      } catch {
        // Console output of src/main.ts is not JSON; it stays in `stdout`.
      }
    }
    this.notify();
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }
}
