import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Summarises a V8 .cpuprofile (from `node --cpu-prof`) as the top functions by self time:
 *   npx tsx bench/summarize-cpuprofile.ts <file.cpuprofile> [--top 25] [--by function|file|package]
 * "Self" is time with the function itself on top of the stack; `--by package` adds it up per
 * node_modules package (and `tocsin` for our own code), which says where a request's CPU goes.
 */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export function selfTimes(profile: CpuProfile, by: 'function' | 'file' | 'package'): Map<string, number> {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const totals = new Map<string, number>();
  profile.samples.forEach((id, index) => {
    const node = nodes.get(id);
    if (!node) return;
    const key = keyOf(node.callFrame, by);
    totals.set(key, (totals.get(key) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000);
  });
  return totals;
}

function keyOf(frame: ProfileNode['callFrame'], by: 'function' | 'file' | 'package'): string {
  const file = shortFile(frame.url);
  if (by === 'package') return packageOf(file);
  if (by === 'file') return file || '(native)';
  const name = frame.functionName || '(anonymous)';
  return file ? `${name} ${file}:${frame.lineNumber + 1}` : name;
}

function shortFile(url: string): string {
  if (!url) return '';
  const path = url.startsWith('file://') ? fileURLToPath(url) : url;
  return path.startsWith(ROOT) ? relative(ROOT, path) : path;
}

function packageOf(file: string): string {
  if (!file) return '(native / GC / idle)';
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
  if (match?.[1]) return match[1];
  if (file.startsWith('node:')) return 'node core';
  return /^(src|adapters)\//.test(file) ? 'tocsin' : /^(test|bench)\//.test(file) ? 'fakes and bench' : file;
}

function main(): void {
  const [file, ...rest] = process.argv.slice(2);
  if (!file)
    throw new Error('usage: summarize-cpuprofile <file.cpuprofile> [--top N] [--by function|file|package]');
  const option = (name: string) => rest[rest.indexOf(name) + 1];
  const top = rest.includes('--top') ? Number(option('--top')) : 25;
  const by = (rest.includes('--by') ? option('--by') : 'function') as 'function' | 'file' | 'package';
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const totals = selfTimes(profile, by);
  const all = [...totals.values()].reduce((sum, ms) => sum + ms, 0);
  console.log(`| self ms | % | ${by} |\n| ---: | ---: | --- |`);
  for (const [key, ms] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`| ${ms.toFixed(0)} | ${((100 * ms) / all).toFixed(1)} | \`${key}\` |`);
  }
  console.log(`\n${(all / 1000).toFixed(1)} s sampled`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
