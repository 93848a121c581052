import type { IncomingMessage } from 'node:http';
import { DiscordHttpError } from './http-errors.ts';

export interface UploadedFile {
  /** Form field name, e.g. `files[0]`. */
  field: string;
  filename: string;
  contentType: string;
  size: number;
  data: Buffer;
}

export interface ParsedBody {
  /** JSON body, or `payload_json` (plus any plain form fields) of a multipart body; undefined if none. */
  body: unknown;
  files: UploadedFile[];
  contentType: string | null;
}

export async function readRaw(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Parses `application/json` and `multipart/form-data` (files[n] + payload_json) the way Discord accepts them. */
export async function parseBody(raw: Buffer, contentType: string | undefined): Promise<ParsedBody> {
  const ct = contentType ?? null;
  if (raw.length === 0) return { body: undefined, files: [], contentType: ct };
  if (ct?.startsWith('multipart/form-data')) {
    const form = await new Response(new Uint8Array(raw), { headers: { 'content-type': ct } }).formData();
    const files: UploadedFile[] = [];
    let body: Record<string, unknown> = {};
    for (const [field, value] of form.entries()) {
      if (typeof value === 'string') {
        if (field === 'payload_json') body = { ...body, ...(parseJson(value) as Record<string, unknown>) };
        else body[field] = value;
      } else {
        const data = Buffer.from(await value.arrayBuffer());
        files.push({ field, filename: value.name, contentType: value.type, size: data.length, data });
      }
    }
    return { body, files, contentType: ct };
  }
  return { body: parseJson(raw.toString('utf8')), files: [], contentType: ct };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new DiscordHttpError(400, 50109);
  }
}
