import { readFileSync } from 'node:fs';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

/** Validates REST request bodies against Discord's published OpenAPI 3.1 spec (see test/fixtures/specs/README.md). */
const SPEC_URL = new URL('../../fixtures/specs/discord-openapi.json', import.meta.url);
const SPEC_ID = 'https://fake-discord.local/openapi.json';

interface SpecDoc {
  paths: Record<
    string,
    Record<string, { operationId?: string; requestBody?: { content?: Record<string, unknown> } }>
  >;
  components: Record<string, unknown>;
}

interface Template {
  template: string;
  segments: string[];
  literals: number;
}

export interface SpecCheck {
  /** operationId from the spec, or `METHOD template`. */
  operation: string;
  errors: string[];
}

// One Ajv per process: compiling the spec's schemas takes a few hundred ms, so share it between fakes.
let shared: {
  ajv: Ajv2020;
  doc: SpecDoc;
  templates: Template[];
  cache: Map<string, ValidateFunction>;
} | null = null;

function load() {
  if (shared) return shared;
  const doc = JSON.parse(readFileSync(SPEC_URL, 'utf8')) as SpecDoc;
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
  // ajv-formats is CommonJS: its default import is the module object under NodeNext typing.
  const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (
    a: Ajv2020,
  ) => Ajv2020;
  addFormats(ajv);
  for (const f of ['int32', 'int64', 'double', 'snowflake', 'nonce']) ajv.addFormat(f, true);
  ajv.addSchema({ $id: SPEC_ID, components: doc.components, paths: doc.paths });
  const templates = Object.keys(doc.paths).map((template) => {
    const segments = template.split('/').filter(Boolean);
    return { template, segments, literals: segments.filter((s) => !s.startsWith('{')).length };
  });
  shared = { ajv, doc, templates, cache: new Map() };
  return shared;
}

/** The spec path template for a concrete path: literal segments win (`/users/@me/channels` over `{user_id}`). */
export function specTemplateFor(path: string): string | null {
  const parts = path.split('/').filter(Boolean);
  let best: Template | null = null;
  for (const t of load().templates) {
    if (t.segments.length !== parts.length) continue;
    const ok = t.segments.every((seg, i) => seg.startsWith('{') || seg === parts[i]);
    if (ok && (!best || t.literals > best.literals)) best = t;
  }
  return best?.template ?? null;
}

const escapePointer = (s: string): string => s.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * Validates a body against the operation's requestBody schema. Multipart bodies are checked as their
 * `payload_json` against the `multipart/form-data` schema (or the JSON one). Returns null when the spec has no
 * schema for this method and path.
 */
export function validateRequestBody(
  method: string,
  path: string,
  contentType: string | null,
  body: unknown,
): SpecCheck | null {
  const { ajv, doc, cache } = load();
  const template = specTemplateFor(path);
  if (!template) return null;
  const op = doc.paths[template]?.[method.toLowerCase()];
  const content = op?.requestBody?.content;
  if (!op || !content) return null;
  const multipart = contentType?.startsWith('multipart/form-data') ?? false;
  const mediaType =
    multipart && 'multipart/form-data' in content ? 'multipart/form-data' : 'application/json';
  if (!(mediaType in content)) return null;
  const pointer = `${SPEC_ID}#/paths/${escapePointer(template)}/${method.toLowerCase()}/requestBody/content/${escapePointer(mediaType)}/schema`;
  let validate = cache.get(pointer);
  if (!validate) {
    validate = ajv.compile({ $ref: pointer });
    cache.set(pointer, validate);
  }
  const operation = op.operationId ?? `${method} ${template}`;
  if (validate(normalizeBitfields(body))) return { operation, errors: [] };
  return { operation, errors: formatErrors(validate.errors ?? []) };
}

/**
 * Spec quirk: the OpenAPI file types permission bitfields (`allow`, `deny`, `permissions`,
 * `default_member_permissions`) as integers, while Discord documents and accepts strings (what discord.js sends).
 * Numeric strings under those keys are turned into numbers before validation.
 */
const BITFIELD_KEYS = new Set(['allow', 'deny', 'permissions', 'default_member_permissions']);

function normalizeBitfields(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalizeBitfields);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => {
      const numeric = typeof v === 'string' && /^\d+$/.test(v) && Number.isSafeInteger(Number(v));
      return [k, BITFIELD_KEYS.has(k) && numeric ? Number(v) : normalizeBitfields(v)];
    }),
  );
}

function formatErrors(errors: ErrorObject[]): string[] {
  const lines = errors.map((e) => {
    const detail = e.keyword === 'enum' ? ` ${JSON.stringify(e.params.allowedValues)}` : '';
    return `${e.instancePath || '/'} ${e.message ?? e.keyword}${detail}`;
  });
  return [...new Set(lines)].slice(0, 20);
}
