import { DiscordHttpError, FormErrorCollector } from './http-errors.ts';

/** Discord's message limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits). */
export const LIMITS = {
  content: 2000,
  embeds: 10,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footerText: 2048,
  authorName: 256,
  embedTotal: 6000,
  actionRows: 5,
  componentsV2Total: 40,
} as const;

const COMPONENTS_V2 = 1 << 15;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

export interface MessageCheckOptions {
  /** Creating (not editing): a message with no content, embeds, files, components, stickers or poll → 50006. */
  create: boolean;
  fileCount: number;
  /** Error path prefix: `['data']` for interaction callbacks. */
  prefix?: (string | number)[];
}

/** Throws 400 50035 (Invalid Form Body, nested `errors`) or 400 50006 like Discord does. */
export function checkMessagePayload(body: unknown, options: MessageCheckOptions): void {
  const payload = isObj(body) ? body : {};
  const prefix = options.prefix ?? [];
  const errors = new FormErrorCollector();
  const content = str(payload.content);
  if (content.length > LIMITS.content) errors.maxLength([...prefix, 'content'], LIMITS.content);
  const embeds = Array.isArray(payload.embeds) ? payload.embeds : [];
  if (embeds.length > LIMITS.embeds) errors.maxLength([...prefix, 'embeds'], LIMITS.embeds);
  let total = 0;
  embeds.forEach((raw, i) => {
    const embed = isObj(raw) ? raw : {};
    const at = (...rest: (string | number)[]) => [...prefix, 'embeds', i, ...rest];
    const title = str(embed.title);
    const description = str(embed.description);
    if (title.length > LIMITS.title) errors.maxLength(at('title'), LIMITS.title);
    if (description.length > LIMITS.description) errors.maxLength(at('description'), LIMITS.description);
    const footer = isObj(embed.footer) ? str(embed.footer.text) : '';
    const author = isObj(embed.author) ? str(embed.author.name) : '';
    if (footer.length > LIMITS.footerText) errors.maxLength(at('footer', 'text'), LIMITS.footerText);
    if (author.length > LIMITS.authorName) errors.maxLength(at('author', 'name'), LIMITS.authorName);
    total += title.length + description.length + footer.length + author.length;
    const fields = Array.isArray(embed.fields) ? embed.fields : [];
    if (fields.length > LIMITS.fields) errors.maxLength(at('fields'), LIMITS.fields);
    fields.forEach((rawField, j) => {
      const field = isObj(rawField) ? rawField : {};
      const name = str(field.name);
      const value = str(field.value);
      if (name.length > LIMITS.fieldName) errors.maxLength(at('fields', j, 'name'), LIMITS.fieldName);
      if (value.length > LIMITS.fieldValue) errors.maxLength(at('fields', j, 'value'), LIMITS.fieldValue);
      if (name.length === 0)
        errors.add(at('fields', j, 'name'), 'BASE_TYPE_REQUIRED', 'This field is required');
      if (value.length === 0)
        errors.add(at('fields', j, 'value'), 'BASE_TYPE_REQUIRED', 'This field is required');
      total += name.length + value.length;
    });
  });
  if (total > LIMITS.embedTotal) {
    errors.add(
      [...prefix, 'embeds'],
      'MAX_EMBED_SIZE_EXCEEDED',
      `Embed size exceeds maximum size of ${LIMITS.embedTotal}`,
    );
  }
  const components = Array.isArray(payload.components) ? payload.components : [];
  const flags = typeof payload.flags === 'number' ? payload.flags : 0;
  const maxComponents = flags & COMPONENTS_V2 ? LIMITS.componentsV2Total : LIMITS.actionRows;
  if (components.length > maxComponents) errors.maxLength([...prefix, 'components'], maxComponents);
  errors.throwIfAny();
  if (options.create && isEmptyMessage(payload, content, embeds, components, options.fileCount)) {
    throw new DiscordHttpError(400, 50006);
  }
}

function isEmptyMessage(
  p: Obj,
  content: string,
  embeds: unknown[],
  components: unknown[],
  files: number,
): boolean {
  const stickers = Array.isArray(p.sticker_ids) && p.sticker_ids.length > 0;
  const attachments = Array.isArray(p.attachments) && p.attachments.length > 0;
  return (
    content.trim() === '' &&
    embeds.length === 0 &&
    components.length === 0 &&
    files === 0 &&
    !attachments &&
    !stickers &&
    !isObj(p.poll)
  );
}
