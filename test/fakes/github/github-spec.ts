import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

/**
 * GitHub's own descriptions, from the dev dependencies: the REST API's OpenAPI 3.0 document
 * (@octokit/openapi) and the webhook payload JSON schemas (@octokit/webhooks-schemas).
 */
const require = createRequire(import.meta.url);
const OPENAPI_ID = 'https://fake-github.local/openapi.json';
const WEBHOOKS_ID = 'https://fake-github.local/webhooks.json';

interface OpenApi {
  paths: Record<string, Record<string, unknown>>;
  components: { schemas: Record<string, unknown>; examples: Record<string, { value: unknown }> };
}

let shared: { ajv: Ajv; openapi: OpenApi; cache: Map<string, ValidateFunction> } | undefined;

function load() {
  if (shared) return shared;
  const openapi = JSON.parse(
    readFileSync(require.resolve('@octokit/openapi/generated/api.github.com.json'), 'utf8'),
  ) as OpenApi;
  const webhooks = JSON.parse(
    readFileSync(require.resolve('@octokit/webhooks-schemas/schema.json'), 'utf8'),
  ) as {
    definitions: unknown;
  };
  const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
  const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (
    a: Ajv,
  ) => Ajv;
  addFormats(ajv);
  dropUntypedNullable(openapi);
  ajv.addSchema({ $id: OPENAPI_ID, paths: openapi.paths, components: openapi.components });
  ajv.addSchema({ $id: WEBHOOKS_ID, definitions: webhooks.definitions });
  shared = { ajv, openapi, cache: new Map() };
  return shared;
}

/** OpenAPI 3.0's `nullable` next to `allOf` (no `type`) is legal there but not in Ajv: it is dropped. */
function dropUntypedNullable(node: unknown): void {
  if (Array.isArray(node)) {
    for (const child of node) dropUntypedNullable(child);
    return;
  }
  if (!node || typeof node !== 'object') return;
  const record = node as Record<string, unknown>;
  if ('nullable' in record && !('type' in record)) delete record.nullable;
  for (const child of Object.values(record)) dropUntypedNullable(child);
}

const pointer = (...parts: string[]) =>
  parts.map((part) => part.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');

function check(ref: string, value: unknown): string[] {
  const { ajv, cache } = load();
  let validate = cache.get(ref);
  if (!validate) {
    validate = ajv.compile({ $ref: ref });
    cache.set(ref, validate);
  }
  if (validate(value)) return [];
  return (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? ''}`);
}

/** Problems of a JSON request body against the operation's requestBody schema; empty: it conforms. */
export function requestProblems(method: string, template: string, body: unknown): string[] {
  return check(
    `${OPENAPI_ID}#/${pointer('paths', template, method.toLowerCase(), 'requestBody', 'content', 'application/json', 'schema')}`,
    body,
  );
}

/** Problems of a webhook payload against its schema (`issues$closed`); empty: it conforms. */
export function webhookProblems(definition: string, payload: unknown): string[] {
  return check(`${WEBHOOKS_ID}#/definitions/${pointer(definition)}`, payload);
}

/** One of the spec's own examples (`issue`, `repository`, …), a fresh copy. */
export function specExample<T>(name: string): T {
  return structuredClone(load().openapi.components.examples[name]?.value) as T;
}
