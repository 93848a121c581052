import { existsSync, readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { SystemError } from '../core/errors.ts';
import { type AppConfig, configSchema } from './config-schema.ts';

/** Replaces `${VAR}` with the environment's value, so secrets stay out of the file. */
export function interpolateEnv(text: string, env: Readonly<Record<string, string | undefined>>): string {
  return text.replace(/\$\{([A-Z0-9_]+)\}/gi, (_whole, name: string) => {
    const value = env[name];
    if (value === undefined) {
      throw new SystemError(
        'config_invalid',
        `The config refers to \${${name}}, but ${name} is not set in the environment.`,
      );
    }
    return value;
  });
}

export function parseConfig(
  yamlText: string,
  env: Readonly<Record<string, string | undefined>>,
  source: string,
): AppConfig {
  let raw: unknown;
  try {
    raw = parseYaml(interpolateEnv(yamlText, env)) ?? {};
  } catch (error) {
    if (error instanceof SystemError) throw error;
    throw new SystemError('config_invalid', `${source} is not valid YAML: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const result = configSchema.safeParse(raw);
  if (!result.success) {
    throw new SystemError('config_invalid', `${source} is invalid:\n${describeIssues(result.error.issues)}`);
  }
  return result.data;
}

function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .map((issue) => {
      const path = issue.path.length > 0 ? issue.path.join('.') : '(top level)';
      if (issue.code === 'unrecognized_keys') {
        return `  - ${path}: unknown key(s) ${issue.keys.map((key) => `"${key}"`).join(', ')}`;
      }
      // A refused record key (a severity alias) says why in its own issues; "Invalid key" does not.
      if (issue.code === 'invalid_key') {
        return `  - ${path}: ${issue.issues.map((inner) => inner.message).join('; ')}`;
      }
      return `  - ${path}: ${issue.message}`;
    })
    .join('\n');
}

/** Loads the file at `path` when given or present; otherwise the built-in defaults. */
export function loadConfig(
  path: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
  explicit: boolean,
): AppConfig {
  if (path === undefined || !existsSync(path)) {
    if (explicit && path !== undefined) {
      throw new SystemError('config_missing', `INCIDENT_CONFIG points at ${path}, which does not exist.`);
    }
    return configSchema.parse({});
  }
  return parseConfig(readFileSync(path, 'utf8'), env, path);
}
