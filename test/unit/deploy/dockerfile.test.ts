import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * The image the bot runs from: small, non-root, dependencies installed apart from the code, and node as
 * PID 1 so that `docker stop` (SIGTERM) reaches the bot's graceful shutdown instead of an npm wrapper.
 */

const root = new URL('../../../', import.meta.url);
const dockerfile = readFileSync(new URL('Dockerfile', root), 'utf8');
const dockerignore = readFileSync(new URL('.dockerignore', root), 'utf8');

interface Instruction {
  keyword: string;
  args: string;
}
interface Stage {
  from: string;
  name: string | undefined;
  instructions: Instruction[];
}

/** Dockerfile instructions, with `\` continuations joined and comments / parser directives dropped. */
function instructions(text: string): Instruction[] {
  const out: Instruction[] = [];
  let pending = '';
  for (const line of text.split('\n')) {
    if (/^\s*#/.test(line)) continue;
    if (/\\\s*$/.test(line)) {
      pending += `${line.replace(/\\\s*$/, '')} `;
      continue;
    }
    const full = (pending + line).trim();
    pending = '';
    if (!full) continue;
    const m = /^(\S+)\s*(.*)$/.exec(full);
    if (m) out.push({ keyword: (m[1] ?? '').toUpperCase(), args: (m[2] ?? '').replace(/\s+/g, ' ').trim() });
  }
  return out;
}

function stages(text: string): Stage[] {
  const result: Stage[] = [];
  for (const ins of instructions(text)) {
    if (ins.keyword === 'FROM') {
      const m = /^(?:--\S+\s+)*(\S+)(?:\s+AS\s+(\S+))?$/i.exec(ins.args);
      result.push({ from: m?.[1] ?? ins.args, name: m?.[2], instructions: [] });
    } else {
      result.at(-1)?.instructions.push(ins);
    }
  }
  return result;
}

/** The argv of an exec-form (JSON array) CMD/ENTRYPOINT/HEALTHCHECK CMD, or null for shell form. */
function execForm(args: string): string[] | null {
  if (!args.startsWith('[')) return null;
  const parsed: unknown = JSON.parse(args);
  return Array.isArray(parsed) && parsed.every((a) => typeof a === 'string') ? parsed : null;
}

const allStages = stages(dockerfile);
const finalStage = allStages.at(-1);
if (!finalStage) throw new Error('Dockerfile has no FROM');
const last = (keyword: string) => finalStage.instructions.filter((i) => i.keyword === keyword).at(-1);

describe('Dockerfile', () => {
  it('is multi-stage: dependencies are installed in their own stage', () => {
    expect(allStages.length).toBeGreaterThanOrEqual(2);
  });

  it('installs production dependencies only, reproducibly from the lockfile (npm ci --omit=dev)', () => {
    const depsStages = allStages.slice(0, -1);
    const runs = depsStages.flatMap((s) =>
      s.instructions.filter((i) => i.keyword === 'RUN').map((i) => i.args),
    );
    expect(runs.some((r) => /\bnpm ci\b/.test(r) && /--omit=dev\b/.test(r))).toBe(true);
  });

  it('runs compiled JavaScript: no TypeScript toolchain is a production dependency', () => {
    const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as {
      dependencies?: Record<string, string>;
      devDependencies?: Record<string, string>;
    };
    for (const tool of ['tsx', 'typescript']) {
      expect(pkg.dependencies?.[tool], `${tool} is a production dependency`).toBeUndefined();
      expect(pkg.devDependencies?.[tool]).toBeDefined();
    }
  });

  it('compiles in a build stage and copies only dist/ into the final image', () => {
    const buildStage = allStages
      .slice(0, -1)
      .find((s) => s.instructions.some((i) => i.keyword === 'RUN' && /\bnpm run build\b/.test(i.args)));
    expect(buildStage, 'no stage runs npm run build').toBeDefined();
    const copies = finalStage.instructions.filter((i) => i.keyword === 'COPY').map((i) => i.args);
    expect(copies).toContain(`--from=${buildStage?.name} /app/dist ./dist`);
  });

  it('builds every stage on a slim Node 20 image', () => {
    for (const stage of allStages) {
      if (allStages.some((s) => s.name === stage.from)) continue; // FROM an earlier stage
      expect(stage.from).toMatch(/^node:20(\.\d+)*-(bookworm-)?slim(@sha256:[0-9a-f]{64})?$/);
    }
  });

  it('runs the final stage as a non-root user', () => {
    const user = last('USER');
    expect(user, 'final stage has no USER line').toBeDefined();
    const name = (user?.args ?? '').split(':')[0];
    expect(['root', '0', '']).not.toContain(name);
  });

  it('copies the runtime dependencies out of the deps stage', () => {
    const depsNames = allStages.slice(0, -1).map((s, i) => s.name ?? String(i));
    const copies = finalStage.instructions.filter((i) => i.keyword === 'COPY').map((i) => i.args);
    expect(
      copies.some((c) => depsNames.some((n) => c.includes(`--from=${n}`)) && c.includes('node_modules')),
    ).toBe(true);
  });

  it('ships what it runs and no sources: templates and package*.json under /app, not src or adapters', () => {
    expect(last('WORKDIR')?.args).toBe('/app');
    const copied = finalStage.instructions
      .filter((i) => i.keyword === 'COPY' && !i.args.includes('--from='))
      .flatMap((i) =>
        i.args
          .split(' ')
          .filter((a) => !a.startsWith('--'))
          .slice(0, -1),
      );
    expect(copied).toContain('templates');
    for (const source of ['src', 'adapters']) expect(copied).not.toContain(source);
    expect(copied.some((p) => /^package(\*|-lock)?\.json$/.test(p))).toBe(true);
  });

  it('sets NODE_ENV=production, exposes 3000 and stops with SIGTERM', () => {
    expect(
      finalStage.instructions.some((i) => i.keyword === 'ENV' && /\bNODE_ENV[= ]production\b/.test(i.args)),
    ).toBe(true);
    expect(last('EXPOSE')?.args.split(' ')).toContain('3000');
    expect(last('STOPSIGNAL')?.args).toBe('SIGTERM');
  });

  it('runs node directly as PID 1 (exec form, no npm start / sh wrapper) so SIGTERM reaches the bot', () => {
    const cmd = last('ENTRYPOINT') ?? last('CMD');
    expect(cmd).toBeDefined();
    const argv = execForm(cmd?.args ?? '');
    expect(argv, 'CMD must be exec form: shell form makes /bin/sh PID 1').not.toBeNull();
    expect(argv?.[0]).toBe('node');
    expect(argv).not.toContain('npm');
    expect(argv).toEqual(['node', 'dist/tocsin.mjs']);
  });

  it('has a HEALTHCHECK on /healthz that needs no curl', () => {
    const hc = last('HEALTHCHECK');
    expect(hc).toBeDefined();
    const argv = execForm((hc?.args ?? '').replace(/^(--\S+\s+)*CMD\s+/, ''));
    expect(argv?.[0]).toBe('node');
    expect(argv?.join(' ')).toContain('/healthz');
    // The health server is METRICS_PORT, not the public PORT.
    expect(argv?.join(' ')).toContain('process.env.METRICS_PORT||9464');
  });

  it('copies only paths that exist in the repository', () => {
    const copied = allStages
      .flatMap((s) => s.instructions)
      .filter((i) => i.keyword === 'COPY' && !i.args.includes('--from='))
      .flatMap((i) =>
        i.args
          .split(' ')
          .filter((a) => !a.startsWith('--'))
          .slice(0, -1),
      )
      .filter((p) => !p.includes('*'));
    const missing = copied.filter((p) => !existsSync(new URL(p, root)));
    expect(missing).toEqual([]);
  });
});

describe('.dockerignore', () => {
  const patterns = dockerignore
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));

  it('keeps secrets, local state, tests and host node_modules out of the build context', () => {
    for (const p of ['.env', 'node_modules', 'data', 'postmortems', '.git', 'test', 'bench']) {
      expect(patterns).toContain(p);
    }
  });

  it('does not exclude anything the Dockerfile copies', () => {
    const copied = allStages
      .flatMap((s) => s.instructions)
      .filter((i) => i.keyword === 'COPY' && !i.args.includes('--from='))
      .flatMap((i) =>
        i.args
          .split(' ')
          .filter((a) => !a.startsWith('--'))
          .slice(0, -1),
      );
    const ignored = (path: string) =>
      patterns.some((p) => !p.startsWith('!') && (p === path || p === `${path.split('/')[0]}`));
    expect(copied.filter(ignored)).toEqual([]);
  });
});
