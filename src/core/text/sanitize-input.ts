import { fail, ok, type Result, userError } from '../errors.ts';

export const LIMITS = {
  title: 150,
  note: 4000,
  reason: 500,
  statusMessage: 4000,
  summary: 4000,
  actionText: 500,
  pageMessage: 1000,
} as const;

// Control characters would corrupt terminal output and Markdown tables; tabs and newlines stay.
// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B\u202A-\u202E\u2066-\u2069]/g;

export function cleanText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(CONTROL, '').trim();
}

/** Cleans a user-typed field and enforces its limit, naming the field and the rule when it fails. */
export function cleanField(
  field: string,
  value: string | undefined,
  limit: number,
  options: { required: boolean; usage?: string },
): Result<string | undefined> {
  const cleaned = value === undefined ? '' : cleanText(value);
  if (cleaned.length === 0) {
    if (!options.required) return ok(undefined);
    return fail(userError('missing_field', `The ${field} is missing.`, options.usage));
  }
  if (cleaned.length > limit) {
    return fail(
      userError(
        'field_too_long',
        `The ${field} is ${cleaned.length} characters long; the limit is ${limit}. Shorten it and try again.`,
        options.usage,
      ),
    );
  }
  return ok(cleaned);
}

/** Channel-name-safe slug: lowercase ascii letters, digits and dashes. */
export function slugify(text: string, maxLength = 60): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.slice(0, maxLength).replace(/-+$/g, '') || 'incident';
}
