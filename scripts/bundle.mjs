// Bundles the compiled bot (dist/src/main.js, from tsc) and its dependencies into one ES module,
// dist/tocsin.mjs, which `npm start` and the Docker image run. Node 20 has no compile cache, and
// resolving and reading the ~2,000 files of discord.js, Bolt and BullMQ one by one was most of the
// start-up time; one file loads in a fraction of it. tsc stays the compiler (and the type check);
// esbuild only joins its output.
import { build } from 'esbuild';

await build({
  entryPoints: ['dist/src/main.js'],
  outfile: 'dist/tocsin.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'linked',
  legalComments: 'linked',
  logLevel: 'warning',
  // Native addons find their binaries next to their own files, so they stay in node_modules.
  external: ['msgpackr-extract', 'zlib-sync', 'bufferutil', 'utf-8-validate'],
  // CommonJS dependencies inside an ES module still expect require and __dirname.
  banner: {
    js: [
      "import { createRequire as __tocsinRequire } from 'node:module';",
      "import { dirname as __tocsinDirname } from 'node:path';",
      "import { fileURLToPath as __tocsinPath } from 'node:url';",
      'const require = __tocsinRequire(import.meta.url);',
      'const __filename = __tocsinPath(import.meta.url);',
      'const __dirname = __tocsinDirname(__filename);',
    ].join('\n'),
  },
});
