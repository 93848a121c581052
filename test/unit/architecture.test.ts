import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [
    ...text.matchAll(/(?:import|export)[^'"]*from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g),
  ].map((match) => (match[1] ?? match[2]) as string);
}

describe('the architecture boundary', () => {
  const srcFiles = sourceFiles(join(root, 'src')).filter((file) => !file.endsWith('src/main.ts'));

  it('the core (src/, apart from the composition root) never imports from adapters/', () => {
    const offenders = srcFiles.filter((file) => importsOf(file).some((spec) => spec.includes('/adapters/')));
    expect(offenders.map((file) => relative(root, file))).toEqual([]);
  });

  it('the core never imports Slack or Discord libraries', () => {
    const offenders = srcFiles.filter((file) =>
      importsOf(file).some(
        (spec) =>
          spec.startsWith('@slack/') || spec.startsWith('discord.js') || spec.startsWith('@discordjs/'),
      ),
    );
    expect(offenders.map((file) => relative(root, file))).toEqual([]);
  });

  it('only src/config reads process.env', () => {
    const all = [...srcFiles, ...sourceFiles(join(root, 'adapters'))];
    const offenders = all.filter(
      (file) => !file.includes('/src/config/') && /process\.env\b/.test(readFileSync(file, 'utf8')),
    );
    expect(offenders.map((file) => relative(root, file))).toEqual([]);
  });

  it('no platform host names appear outside the default values', () => {
    const all = [...srcFiles, ...sourceFiles(join(root, 'adapters'))];
    const offenders = all.filter((file) => {
      if (file.endsWith('src/config/read-env.ts')) return false;
      return /slack\.com|discord\.com/.test(readFileSync(file, 'utf8'));
    });
    expect(offenders.map((file) => relative(root, file))).toEqual([]);
  });
});
