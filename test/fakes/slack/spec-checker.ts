import { readFileSync } from 'node:fs';
import type { RecordedCall } from './call-recorder.ts';

/**
 * Checks what the bot sent against Slack's published Web API spec (Swagger 2.0, 2020, in
 * test/fixtures/specs). Used for method names, required parameters and parameter types, not for
 * response shapes (its response schemas are stale).
 */

export const SPEC_URL = new URL('../../fixtures/specs/slack-web-openapi-v2.json', import.meta.url);

/** Methods Slack added after the spec was published; calls to them are not violations. */
export const METHODS_NEWER_THAN_SPEC: readonly string[] = [
  'files.getUploadURLExternal',
  'files.completeUploadExternal',
  'apps.connections.open',
];

interface SpecParam {
  name: string;
  in: string;
  required?: boolean;
  type?: string;
}

interface SpecOperation {
  parameters?: SpecParam[];
  responses?: { default?: { schema?: { properties?: { error?: { enum?: string[] } } } } };
}

export interface SpecMethod {
  params: SpecParam[];
  /** Error codes the spec lists for the method (may be incomplete). */
  errors: string[];
}

export interface SpecViolation {
  seq: number;
  method: string;
  kind: 'unknown_method' | 'missing_param' | 'invalid_param_type' | 'unknown_param';
  detail: string;
}

export interface SpecCheckOptions {
  /** Also report parameters the spec does not list for the method (noisy: Slack added many since). */
  unknownParams?: boolean;
  /** More methods to accept although the spec lacks them. */
  allowMethods?: readonly string[];
}

let cache: Map<string, SpecMethod> | undefined;

/** The spec's methods, by name ("chat.postMessage"). Loaded once per process. */
export function specMethods(): Map<string, SpecMethod> {
  if (cache) return cache;
  const spec = JSON.parse(readFileSync(SPEC_URL, 'utf8')) as {
    paths: Record<string, Record<string, SpecOperation>>;
  };
  cache = new Map();
  for (const [path, ops] of Object.entries(spec.paths)) {
    const op = Object.values(ops)[0];
    cache.set(path.replace(/^\//, ''), {
      params: op?.parameters ?? [],
      errors: op?.responses?.default?.schema?.properties?.error?.enum ?? [],
    });
  }
  return cache;
}

/** Error codes the spec documents for `method` (empty when unknown). */
export function specErrorCodes(method: string): string[] {
  return specMethods().get(method)?.errors ?? [];
}

function typeOk(type: string | undefined, value: unknown): boolean {
  const s = typeof value === 'string' ? value : JSON.stringify(value);
  switch (type) {
    case 'integer':
      return /^-?\d+$/.test(s);
    case 'number':
      return s.trim() !== '' && Number.isFinite(Number(s));
    case 'boolean':
      return ['true', 'false', '1', '0'].includes(s);
    default:
      return true;
  }
}

function present(call: RecordedCall, name: string): boolean {
  if (name === 'token') return call.token !== undefined;
  const v = call.params[name];
  return v !== undefined && v !== null && v !== '';
}

/** Violations of the spec in `calls` (Web API calls only; uploads and response_urls are not recorded here). */
export function specViolations(
  calls: readonly RecordedCall[],
  options: SpecCheckOptions = {},
): SpecViolation[] {
  const methods = specMethods();
  const allowed = new Set([...METHODS_NEWER_THAN_SPEC, ...(options.allowMethods ?? [])]);
  const out: SpecViolation[] = [];
  for (const call of calls) {
    const spec = methods.get(call.method);
    const base = { seq: call.seq, method: call.method };
    if (!spec) {
      if (!allowed.has(call.method))
        out.push({ ...base, kind: 'unknown_method', detail: `${call.method} is not in the spec` });
      continue;
    }
    for (const p of spec.params) {
      if (p.required && !present(call, p.name)) {
        out.push({ ...base, kind: 'missing_param', detail: `required parameter "${p.name}" is missing` });
      } else if (p.name !== 'token' && present(call, p.name) && !typeOk(p.type, call.params[p.name])) {
        out.push({
          ...base,
          kind: 'invalid_param_type',
          detail: `"${p.name}" should be ${p.type}: ${String(call.params[p.name])}`,
        });
      }
    }
    if (options.unknownParams) {
      const known = new Set(spec.params.map((p) => p.name));
      for (const name of Object.keys(call.params)) {
        if (!known.has(name) && name !== 'token')
          out.push({ ...base, kind: 'unknown_param', detail: `"${name}" is not in the spec` });
      }
    }
  }
  return out;
}
