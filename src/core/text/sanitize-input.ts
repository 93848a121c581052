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
// Invisible format characters go too: bidi marks, embeddings, overrides and isolates (U+061C,
// U+200E/F, U+202A-E, U+2066-9) can make a title or name read differently from what is stored
// ("Trojan Source"), and ZWSP, ZWNJ, word joiners and the BOM hide inside words, so two titles that
// look alike differ.
const CONTROL =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point.
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200B\u200C\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
/**
 * A zero-width joiner stays only where it joins emoji (👩‍💻, 🏳️‍🌈: a pictograph, maybe a variation
 * selector or skin tone, then ZWJ, then a pictograph); anywhere else it only hides inside text.
 */
const STRAY_ZWJ =
  /(?<!\p{Extended_Pictographic}[\u{FE0F}\u{1F3FB}-\u{1F3FF}]?)\u200D|\u200D(?!\p{Extended_Pictographic})/gu;

export function cleanText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(CONTROL, '').replace(STRAY_ZWJ, '').trim();
}

/** A person's name as it is shown and stored: cleaned like text, on one line. */
export function cleanName(name: string, fallback: string): string {
  return cleanText(name).replace(/\s+/g, ' ') || fallback;
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
