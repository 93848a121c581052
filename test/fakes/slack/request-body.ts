import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';

/**
 * Fields the Slack web client (and Slack) carry as JSON-encoded strings inside form bodies.
 * They are decoded in recorded params so tests can assert on arrays and objects; when a value
 * does not parse it is left as the raw string and the method handler reports Slack's error.
 */
const JSON_FIELDS = new Set([
  'blocks',
  'attachments',
  'view',
  'files',
  'metadata',
  'unfurls',
  'user_auth_blocks',
]);

export interface ParsedBody {
  params: Record<string, unknown>;
  /** The body as received (multipart bodies as latin1 text; see `files`). */
  raw: Buffer;
  contentType: string;
  /** File parts of a multipart body, by field name. */
  files: Record<string, Buffer>;
}

export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function decodeJsonFields(params: Record<string, unknown>): Record<string, unknown> {
  for (const [key, value] of Object.entries(params)) {
    if (!JSON_FIELDS.has(key) || typeof value !== 'string') continue;
    try {
      params[key] = JSON.parse(value) as unknown;
    } catch {
      // left as the raw string; the handler answers Slack's error for it
    }
  }
  return params;
}

async function parseMultipart(
  raw: Buffer,
  headers: IncomingHttpHeaders,
): Promise<Omit<ParsedBody, 'raw' | 'contentType'>> {
  const form = await new Request('http://fake.local/', {
    method: 'POST',
    headers: { 'content-type': String(headers['content-type']) },
    body: raw,
  }).formData();
  const params: Record<string, unknown> = {};
  const files: Record<string, Buffer> = {};
  for (const [key, value] of form.entries()) {
    if (typeof value === 'string') params[key] = value;
    else files[key] = Buffer.from(await value.arrayBuffer());
  }
  return { params, files };
}

/** Parses a Web API request: query string, then the body (form, JSON or multipart) over it. */
export async function parseRequest(req: IncomingMessage, raw: Buffer): Promise<ParsedBody> {
  const contentType = String(req.headers['content-type'] ?? '').toLowerCase();
  const url = new URL(req.url ?? '/', 'http://fake.local');
  const params: Record<string, unknown> = Object.fromEntries(url.searchParams.entries());
  let files: Record<string, Buffer> = {};
  if (contentType.startsWith('application/json')) {
    const text = raw.toString('utf8');
    const parsed = text ? (JSON.parse(text) as unknown) : {};
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
      throw new Error('json_not_object');
    Object.assign(params, parsed);
  } else if (contentType.startsWith('multipart/form-data')) {
    const multipart = await parseMultipart(raw, req.headers);
    Object.assign(params, multipart.params);
    files = multipart.files;
  } else if (raw.length > 0) {
    Object.assign(params, Object.fromEntries(new URLSearchParams(raw.toString('utf8')).entries()));
  }
  return { params: decodeJsonFields(params), raw, contentType, files };
}

/** The token of a request: `Authorization: Bearer …`, else a `token` parameter. */
export function tokenOf(headers: IncomingHttpHeaders, params: Record<string, unknown>): string | undefined {
  const auth = headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice('Bearer '.length).trim();
  return typeof params.token === 'string' && params.token ? params.token : undefined;
}
