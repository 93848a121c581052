import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/**
 * docker-compose.yml is what operators run in production: these tests pin the properties they rely on
 * (the stack comes back by itself after a reboot, redis keeps its data, the bot waits for redis and is
 * health-checked, nothing is published to the world) and check the file against the Compose spec.
 */

// ajv-formats is CommonJS: depending on the loader its default import is the plugin or { default: plugin }.
type FormatsPlugin = (ajv: Ajv2020) => Ajv2020;
const addFormats: FormatsPlugin =
  (addFormatsModule as unknown as { default?: FormatsPlugin }).default ??
  (addFormatsModule as unknown as FormatsPlugin);

const composeUrl = new URL('../../../docker-compose.yml', import.meta.url);
const schemaUrl = new URL('../../fixtures/specs/compose-spec.json', import.meta.url);

type Port = string | number | { target: number | string; published?: number | string; host_ip?: string };
type Volume = string | { type: string; source?: string; target?: string; read_only?: boolean | string };
interface Healthcheck {
  test?: string | string[];
  interval?: string;
  timeout?: string;
  retries?: number | string;
  start_period?: string;
}
interface Service {
  image?: string;
  build?: string | { context?: string; dockerfile?: string };
  command?: string | string[];
  restart?: string;
  volumes?: Volume[];
  ports?: Port[];
  healthcheck?: Healthcheck;
  depends_on?: string[] | Record<string, { condition: string }>;
  env_file?: string | (string | { path: string; required?: boolean })[];
  environment?: string[] | Record<string, string | number | boolean | null>;
  stop_grace_period?: string;
}
interface ComposeFile {
  services: Record<string, Service>;
  volumes?: Record<string, unknown>;
}

const composeText = readFileSync(composeUrl, 'utf8');
const rawCompose: unknown = parse(composeText);

function validateAgainstSpec(doc: unknown): string[] {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(schemaUrl, 'utf8')) as object);
  if (validate(doc)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
}

/** Only read once the schema check passed, so the shape below is the one the Compose spec guarantees. */
const compose = rawCompose as ComposeFile;

function service(name: string): Service {
  const svc = compose.services[name];
  if (!svc) throw new Error(`docker-compose.yml has no "${name}" service`);
  return svc;
}

/** Compose variable interpolation, with defaults only: "${PORT:-3000}" -> "3000". */
function interpolateDefaults(value: string): string {
  return value
    .replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?\}/g, (_m, _name: string, def?: string) => def ?? '')
    .replace(/\$([A-Za-z_][A-Za-z0-9_]*)/g, '');
}

/**
 * Which host address a `ports:` entry is published on ('' = every interface). Every entry is published:
 * "3000" or `target: 3000` alone get a random host port, on all interfaces.
 */
function publishedHostIp(port: Port): string {
  if (typeof port === 'number') return '';
  if (typeof port === 'object') return port.host_ip ?? '';
  const parts = (interpolateDefaults(port).split('/')[0] ?? '').split(':');
  return parts.length >= 3 ? parts.slice(0, -2).join(':') : '';
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

/** The command as a list of words, whichever form (string or list) compose uses. */
function words(cmd: string | string[] | undefined): string[] {
  if (cmd === undefined) return [];
  return Array.isArray(cmd) ? cmd : cmd.split(/\s+/).filter(Boolean);
}

/** Value following `--flag` in a command line (`--flag value`), or undefined. */
function flagValue(cmd: string[], flag: string): string | undefined {
  const i = cmd.indexOf(flag);
  return i === -1 ? undefined : cmd[i + 1];
}

/** Compose duration ("1m30s", "10s", "500ms") in seconds. */
function durationSeconds(value: string): number {
  const unit: Record<string, number> = { us: 1e-6, ms: 1e-3, s: 1, m: 60, h: 3600 };
  let total = 0;
  let matched = '';
  for (const m of value.matchAll(/(\d+(?:\.\d+)?)(us|ms|h|m|s)/g)) {
    total += Number(m[1]) * (unit[m[2] ?? 's'] ?? Number.NaN);
    matched += m[0];
  }
  if (matched !== value) throw new Error(`not a compose duration: ${value}`);
  return total;
}

function healthcheckCommand(svc: Service): string {
  return words(svc.healthcheck?.test).join(' ');
}

function namedVolumeSource(volume: Volume, target: string): string | undefined {
  if (typeof volume === 'string') {
    const [source, to] = volume.split(':');
    return to === target && source && !/^[./~]/.test(source) ? source : undefined;
  }
  return volume.type === 'volume' && volume.target === target ? volume.source : undefined;
}

/**
 * The seed lesson: containers with `restart: unless-stopped` that had been stopped stayed down after a host
 * reboot and made an outage worse. Every service must use `always`. Returns what is wrong, per service.
 */
function restartPolicyProblems(doc: ComposeFile): string[] {
  return Object.entries(doc.services)
    .filter(([, svc]) => svc.restart !== 'always')
    .map(([name, svc]) => `${name}: restart is ${JSON.stringify(svc.restart)}, expected "always"`);
}

describe('docker-compose.yml', () => {
  it('is a valid Compose file according to the Compose Specification schema', () => {
    expect(validateAgainstSpec(rawCompose)).toEqual([]);
  });

  it('the schema check is real: it rejects a misspelled service key', () => {
    const broken = parse(composeText) as { services: Record<string, Record<string, unknown>> };
    const bot = broken.services.bot ?? {};
    bot.restrat = bot.restart;
    expect(validateAgainstSpec(broken).join('\n')).toMatch(/additional properties/i);
  });

  it('loopback-only publishing is judged on the host address', () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a Compose interpolation, not a JS template
    expect(publishedHostIp('127.0.0.1:${PORT:-3000}:3000')).toBe('127.0.0.1');
    expect(publishedHostIp('[::1]:6379:6379/tcp')).toBe('[::1]');
    expect(publishedHostIp('6379:6379')).toBe('');
    expect(publishedHostIp('6379')).toBe('');
    expect(publishedHostIp(6379)).toBe('');
    expect(publishedHostIp({ target: 6379, published: 6379 })).toBe('');
  });

  it('runs exactly the redis and bot services', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['bot', 'redis']);
  });

  describe('after a host reboot', () => {
    it('brings every service back by itself: restart: always on each one', () => {
      expect(restartPolicyProblems(compose)).toEqual([]);
      expect(service('redis').restart).toBe('always');
      expect(service('bot').restart).toBe('always');
    });

    it('would be caught if someone switched a service to restart: unless-stopped (the seed outage)', () => {
      for (const name of ['redis', 'bot']) {
        const mutated = parse(composeText) as ComposeFile;
        const svc = mutated.services[name];
        if (!svc) throw new Error(`no ${name} service`);
        svc.restart = 'unless-stopped';
        expect(restartPolicyProblems(mutated)).toContain(
          `${name}: restart is "unless-stopped", expected "always"`,
        );
      }
    });

    it('explains in a comment why unless-stopped is not used', () => {
      const comments = composeText
        .split('\n')
        .filter((line) => line.trim().startsWith('#'))
        .join('\n');
      expect(comments).toMatch(/unless-stopped/);
      expect(comments).toMatch(/reboot/i);
    });
  });

  describe('redis', () => {
    const redis = service('redis');

    it('runs the official redis image pinned to a major version', () => {
      expect(redis.image).toMatch(/^redis:\d+(\.\d+)*(-[a-z0-9]+)?$/);
    });

    it('keeps incident state across crashes: append-only file, fsynced every second', () => {
      const cmd = words(redis.command);
      expect(cmd[0]).toBe('redis-server');
      expect(flagValue(cmd, '--appendonly')).toBe('yes');
      expect(flagValue(cmd, '--appendfsync')).toBe('everysec');
    });

    it('keeps /data on a named volume declared at the top level', () => {
      const sources = (redis.volumes ?? []).map((v) => namedVolumeSource(v, '/data')).filter(Boolean);
      expect(sources).toHaveLength(1);
      expect(Object.keys(compose.volumes ?? {})).toContain(sources[0]);
    });

    it('is health-checked with redis-cli ping', () => {
      expect(redis.healthcheck?.test).toBeDefined();
      expect(healthcheckCommand(redis)).toMatch(/^(CMD|CMD-SHELL) redis-cli( .*)? ping$/);
    });

    it('is not published to the world', () => {
      for (const port of redis.ports ?? []) {
        expect(LOOPBACK, `redis port ${JSON.stringify(port)}`).toContain(publishedHostIp(port));
      }
    });
  });

  describe('bot', () => {
    const bot = service('bot');

    it('is built from the repository Dockerfile', () => {
      const build = bot.build;
      expect(build).toBeDefined();
      if (typeof build === 'object') {
        expect(build.context ?? '.').toBe('.');
        expect(build.dockerfile ?? 'Dockerfile').toBe('Dockerfile');
      } else {
        expect(build).toBe('.');
      }
    });

    it('starts only once redis reports healthy', () => {
      const dependsOn = bot.depends_on;
      expect(dependsOn).toBeDefined();
      expect(Array.isArray(dependsOn)).toBe(false);
      expect((dependsOn as Record<string, { condition: string }>).redis?.condition).toBe('service_healthy');
    });

    it('is health-checked on GET /healthz of the health port, with node (the slim image has no curl)', () => {
      const test = healthcheckCommand(bot);
      expect(test).toMatch(/^(CMD|CMD-SHELL) node /);
      expect(test).toContain('/healthz');
      expect(test).toContain('process.env.METRICS_PORT||9464');
      expect(test).toMatch(/process\.exit\(1\)/);
    });

    it('reads its secrets from .env', () => {
      const envFile = bot.env_file;
      const paths = (Array.isArray(envFile) ? envFile : [envFile]).map((f) =>
        typeof f === 'object' ? f.path : f,
      );
      expect(paths).toContain('.env');
    });

    it('talks to the redis service, whatever .env says about REDIS_URL', () => {
      const env = bot.environment;
      const value = Array.isArray(env)
        ? env.find((e) => e.startsWith('REDIS_URL='))?.slice('REDIS_URL='.length)
        : env?.REDIS_URL;
      expect(value).toBe('redis://redis:6379');
    });

    it('keeps postmortems on a volume', () => {
      const env = bot.environment;
      const dir =
        (Array.isArray(env) ? undefined : (env?.POSTMORTEM_DIR as string | undefined)) ?? '/app/postmortems';
      const targets = (bot.volumes ?? []).map((v) => (typeof v === 'string' ? v.split(':')[1] : v.target));
      expect(targets).toContain(dir);
    });

    it('gets at least 10s to shut down cleanly before being killed', () => {
      expect(bot.stop_grace_period).toBeDefined();
      expect(durationSeconds(bot.stop_grace_period ?? '0s')).toBeGreaterThanOrEqual(10);
    });

    it('publishes its HTTP port on loopback only', () => {
      for (const port of bot.ports ?? []) {
        expect(LOOPBACK, `bot port ${JSON.stringify(port)}`).toContain(publishedHostIp(port));
      }
    });
  });
});
