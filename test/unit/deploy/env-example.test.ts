import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/**
 * .env.example is the operator's checklist: `cp .env.example .env`, fill in, `docker compose up`.
 * Every variable the bot or the compose file reads must be listed there, with a safe placeholder.
 */

const root = new URL('../../../', import.meta.url);
const envExample = readFileSync(new URL('.env.example', root), 'utf8');
const composeText = readFileSync(new URL('docker-compose.yml', root), 'utf8');

/** The environment contract of tocsin (names are part of the public interface). */
const DOCUMENTED = {
  core: [
    'REDIS_URL',
    'REDIS_CLUSTER_NODES',
    'INCIDENT_CONFIG',
    'POSTMORTEM_DIR',
    'TOCSIN_DATA_DIR',
    'PORT',
    'METRICS_HOST',
    'METRICS_PORT',
    'METRICS_TOKEN',
    'LOG_LEVEL',
    'WEB_BASE_URL',
    'WEB_SESSION_SECRET',
  ],
  slackHttp: ['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET'],
  slackSocket: ['SLACK_APP_TOKEN', 'SLACK_API_URL'],
  discord: ['DISCORD_TOKEN', 'DISCORD_APPLICATION_ID', 'DISCORD_GUILD_ID', 'DISCORD_API_URL'],
  paging: [
    'PAGERDUTY_EVENTS_URL',
    'PAGERDUTY_ROUTING_KEY',
    'OPSGENIE_API_URL',
    'OPSGENIE_API_KEY',
    'PAGER_WEBHOOK_SECRET',
  ],
  followUps: ['GITHUB_TOKEN', 'JIRA_EMAIL', 'JIRA_TOKEN', 'FOLLOW_UPS_WEBHOOK_SECRET', 'STATUSPAGE_API_KEY'],
} as const;
const ALL_DOCUMENTED: string[] = Object.values(DOCUMENTED).flat();

/** Set by the runtime / image, not by the operator. */
const NOT_OPERATOR_SETTINGS = new Set(['NODE_ENV']);

interface Entry {
  name: string;
  value: string;
  enabled: boolean;
  line: number;
}

/** `NAME=value` lines, and commented-out `# NAME=value` lines (optional settings, off by default). */
function entries(text: string): Entry[] {
  const out: Entry[] = [];
  text.split('\n').forEach((raw, i) => {
    const m = /^(#\s*)?([A-Z][A-Z0-9_]*)=(.*)$/.exec(raw.trim());
    if (m) out.push({ name: m[2] ?? '', value: m[3] ?? '', enabled: !m[1], line: i + 1 });
  });
  return out;
}

const declared = entries(envExample);
const declaredNames = new Set(declared.map((e) => e.name));

/** Variables the compose file interpolates (${VAR}, ${VAR:-x}, $VAR) or sets in a service's environment. */
function composeVariables(): string[] {
  const names = new Set<string>();
  const uncommented = composeText
    .split('\n')
    .filter((l) => !l.trim().startsWith('#'))
    .join('\n');
  for (const m of uncommented.matchAll(/\$\{([A-Za-z_][A-Za-z0-9_]*)|\$([A-Za-z_][A-Za-z0-9_]*)/g)) {
    names.add((m[1] ?? m[2]) as string);
  }
  const doc = parse(composeText) as {
    services: Record<string, { environment?: string[] | Record<string, unknown> }>;
  };
  for (const svc of Object.values(doc.services)) {
    const env = svc.environment ?? {};
    const keys = Array.isArray(env) ? env.map((e) => e.split('=')[0] ?? '') : Object.keys(env);
    for (const k of keys) names.add(k);
  }
  return [...names].sort();
}

/**
 * Environment reads in the application sources: `process.env.NAME`, `env.NAME`, `env['NAME']`
 * (src/config/read-env.ts takes the environment as an `env` parameter).
 */
function sourceVariables(): string[] {
  const names = new Set<string>();
  const walk = (dir: string) => {
    let children: string[];
    try {
      children = readdirSync(dir);
    } catch {
      return; // directory not there (yet)
    }
    for (const child of children) {
      const path = join(dir, child);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.[cm]?[jt]s$/.test(child)) {
        const text = readFileSync(path, 'utf8');
        for (const m of text.matchAll(/\benv(?:\.([A-Z][A-Z0-9_]*)|\[\s*['"]([A-Z][A-Z0-9_]*)['"]\s*\])/g)) {
          names.add((m[1] ?? m[2]) as string);
        }
      }
    }
  };
  for (const dir of ['src', 'adapters']) walk(fileURLToPath(new URL(dir, root)));
  return [...names].sort();
}

describe('.env.example', () => {
  it('lists every documented environment variable', () => {
    expect(ALL_DOCUMENTED.filter((name) => !declaredNames.has(name))).toEqual([]);
  });

  it('lists only variables tocsin knows about, each once', () => {
    expect([...declaredNames].filter((name) => !ALL_DOCUMENTED.includes(name))).toEqual([]);
    const names = declared.map((e) => e.name);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
  });

  it('documents every variable docker-compose.yml uses', () => {
    expect(composeVariables().filter((name) => !declaredNames.has(name))).toEqual([]);
  });

  it('documents every variable the application reads from the environment', () => {
    const missing = sourceVariables().filter((n) => !declaredNames.has(n) && !NOT_OPERATOR_SETTINGS.has(n));
    expect(missing).toEqual([]);
  });

  it('groups the variables: core, Slack HTTP mode, Slack Socket Mode, Discord, paging, follow-ups', () => {
    const headings = [
      /^#.*\bcore\b/im,
      /^#.*slack.*http/im,
      /^#.*slack.*socket mode/im,
      /^#.*discord/im,
      /^#.*paging/im,
      /^#.*follow-ups/im,
    ];
    const positions = headings.map((h) => envExample.search(h));
    expect(
      positions.every((p) => p >= 0),
      'a group heading is missing',
    ).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    // Each variable sits under its group's heading.
    const groups = Object.values(DOCUMENTED);
    groups.forEach((names, g) => {
      for (const name of names) {
        const at = envExample.search(new RegExp(`^#?\\s*${name}=`, 'm'));
        expect(at, `${name} is in the wrong group`).toBeGreaterThan(positions[g] ?? Number.POSITIVE_INFINITY);
        if (g + 1 < positions.length)
          expect(at, `${name} is in the wrong group`).toBeLessThan(positions[g + 1] ?? 0);
      }
    });
  });

  it('says which variables are required together', () => {
    const requiredTogether = envExample
      .split('\n')
      .filter((l) => /required together/i.test(l))
      .join('\n');
    expect(requiredTogether).toMatch(/SLACK_BOT_TOKEN \+ SLACK_SIGNING_SECRET/);
    expect(requiredTogether).toMatch(/SLACK_BOT_TOKEN.*\+ SLACK_APP_TOKEN/);
    expect(requiredTogether).toMatch(/DISCORD_TOKEN \+ DISCORD_APPLICATION_ID/);
  });

  it('explains every variable with a comment just above it', () => {
    const lines = envExample.split('\n');
    for (const e of declared) {
      let i = e.line - 2;
      while (i >= 0 && /^#\s*[A-Z][A-Z0-9_]*=/.test(lines[i] ?? '')) i--; // skip sibling entries
      expect(lines[i] ?? '', `${e.name} has no explanation above it`).toMatch(/^#/);
    }
  });

  it('holds only safe placeholders, never something that looks like a real credential', () => {
    const realLooking = [
      /xox[abpre]-\d+-/, // Slack tokens start xoxb-<digits>-
      /xapp-\d-/, // Slack app-level tokens
      /[MN][A-Za-z\d]{23,}\.[\w-]{6}\.[\w-]{27,}/, // Discord bot tokens
      /\b[a-f0-9]{32}\b/, // PagerDuty routing keys
      /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/, // Opsgenie API keys
    ];
    for (const e of declared) {
      for (const pattern of realLooking)
        expect(e.value, `${e.name} looks like a real secret`).not.toMatch(pattern);
    }
  });

  it('leaves every chat and paging integration off until the operator fills it in', () => {
    const enabled = declared.filter((e) => e.enabled).map((e) => e.name);
    expect(enabled.filter((n) => !(DOCUMENTED.core as readonly string[]).includes(n))).toEqual([]);
  });
});
