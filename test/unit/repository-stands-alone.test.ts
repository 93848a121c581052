import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * A clone of the repository, alone in an empty folder, is all a user gets: nothing may read a
 * sibling folder (such as the `shared/` the project was started from) or a path of one machine.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const CODE_DIRS = ['src', 'adapters', 'test', 'bench'];
const TEXT = new Set(['.ts', '.js', '.mjs', '.cjs', '.md', '.eta', '.yml', '.yaml', '.json', '.sh', '']);
const SKIP = new Set(['node_modules', 'dist', 'specs']);
/** Home and work folders of particular machines; `/tmp` and the like are everyone's. */
const MACHINE_PATH = /(?<![\w.])\/(?:work|home|Users|root|mnt)\/[\w.-]+|[A-Z]:\\\\[\w.-]+/;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return SKIP.has(name) ? [] : files(path);
    return TEXT.has(extname(name)) ? [path] : [];
  });
}

const codeFiles = CODE_DIRS.flatMap((dir) => files(join(root, dir)));
const docs = [
  ...['README.md', 'Dockerfile', 'docker-compose.yml', '.env.example', '.ci/run'].map((f) => join(root, f)),
  ...files(join(root, 'templates')),
];

/** Relative path literals in a file: import specifiers, `new URL('../x', import.meta.url)`, joins. */
function relativeLiterals(text: string): string[] {
  return [...text.matchAll(/['"`]((?:\.\.?\/)+[^'"`$\s]*)['"`]/g)].map((match) => match[1] as string);
}

function escapes(file: string, literal: string): boolean {
  const target = resolve(dirname(file), literal);
  return target !== root.replace(/\/$/, '') && !target.startsWith(root.endsWith(sep) ? root : root + sep);
}

describe('the repository stands alone', () => {
  it('no source, test or bench file points at a path outside the repository', () => {
    const offenders = codeFiles
      .filter((file) => file.endsWith('.ts'))
      .flatMap((file) =>
        relativeLiterals(readFileSync(file, 'utf8'))
          .filter((literal) => escapes(file, literal))
          .map((literal) => `${relative(root, file)}: ${literal}`),
      );
    expect(offenders).toEqual([]);
  });

  it('nothing names the sibling shared/ folder', () => {
    const offenders = [...codeFiles, ...docs].filter((file) =>
      /\.\.\/shared\b|\bshared\/(?:specs|seeds|STYLE)/.test(readFileSync(file, 'utf8')),
    );
    expect(offenders.map((file) => relative(root, file))).toEqual([]);
  });

  it('nothing names a folder of one particular machine', () => {
    const offenders = [...codeFiles, ...docs].flatMap((file) => {
      const match = MACHINE_PATH.exec(readFileSync(file, 'utf8'));
      return match ? [`${relative(root, file)}: ${match[0]}`] : [];
    });
    expect(offenders).toEqual([]);
  });

  it('the vendored specs sit beside their licenses', () => {
    const specs = readdirSync(join(root, 'test/fixtures/specs'));
    for (const spec of specs.filter((name) => name.endsWith('.json'))) {
      expect(specs).toContain(spec.replace(/\.json$/, '.LICENSE'));
    }
    expect(specs.filter((name) => name.endsWith('.json')).sort()).toEqual([
      'compose-spec.json',
      'discord-openapi.json',
      'slack-web-openapi-v2.json',
    ]);
  });
});
