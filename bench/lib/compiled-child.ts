import { type ChildProcess, spawn } from 'node:child_process';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Bundles a child script into one ES module under dist/bench/ (as scripts/bundle.mjs bundles the
 * bot), so a benchmark that restarts a bot-like process measures the start-up of compiled code, as
 * `npm start` and the Docker image run it, not tsx compiling TypeScript and Node resolving ~2,000 files.
 */
export async function bundleChild(script: URL): Promise<string> {
  const outfile = `${REPO_ROOT}dist/bench/${basename(fileURLToPath(script), '.ts')}.mjs`;
  await build({
    entryPoints: [fileURLToPath(script)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    external: ['msgpackr-extract', 'zlib-sync', 'bufferutil', 'utf-8-validate'],
    // CommonJS dependencies inside an ES module still expect require and __dirname.
    banner: {
      js: [
        "import { createRequire as __benchRequire } from 'node:module';",
        "import { dirname as __benchDirname } from 'node:path';",
        "import { fileURLToPath as __benchPath } from 'node:url';",
        'const require = __benchRequire(import.meta.url);',
        'const __filename = __benchPath(import.meta.url);',
        'const __dirname = __benchDirname(__filename);',
      ].join('\n'),
    },
  });
  return outfile;
}

/** Starts `node <bundle> <input as JSON>` from the repository root. */
export function spawnCompiledChild(
  bundle: string,
  input: unknown,
  nodeFlags: readonly string[] = [],
): ChildProcess {
  return spawn(process.execPath, [...nodeFlags, bundle, JSON.stringify(input)], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}
