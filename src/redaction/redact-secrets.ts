import { BUILT_IN_SECRET_PATTERNS, type SecretPattern } from './secret-patterns.ts';

export interface RedactionResult {
  text: string;
  /** How many separate secrets were replaced (overlapping finds count once). */
  count: number;
}

export interface Redactor {
  redact(text: string): string;
  redactWithCount(text: string): RedactionResult;
}

/** A regex from the user's config that does not compile; the message names the offending pattern. */
export class InvalidRedactionPatternError extends Error {
  readonly pattern: string;
  constructor(pattern: string, reason: string, options?: { cause?: unknown }) {
    super(`invalid redaction pattern ${JSON.stringify(pattern)}: ${reason}`, options);
    this.name = 'InvalidRedactionPatternError';
    this.pattern = pattern;
  }
}

export const redactionMarker = (patternId: string): string => `[REDACTED:${patternId}]`;

export const CUSTOM_PATTERN_ID_PREFIX = 'custom';

interface CompiledPattern {
  readonly id: string;
  readonly regex: RegExp;
  readonly replace: SecretPattern['replace'];
  readonly hints: readonly string[];
  readonly accept: ((candidate: string) => boolean) | undefined;
}

interface Span {
  start: number;
  end: number;
  /** Position of the pattern in the list: on a tie the earlier, more specific pattern names the marker. */
  rank: number;
  id: string;
}

const MARKER = /\[REDACTED:[A-Za-z0-9_.-]+\]/g;

// Each redactor gets its own RegExp objects: `g` regexes carry lastIndex state, and sharing them
// between redactors (or with the exported pattern list) would make concurrent callers interfere.
function compileBuiltIn(pattern: SecretPattern): CompiledPattern {
  const flags = new Set(pattern.regex.flags);
  flags.add('g');
  if (pattern.replace === 'groups') flags.add('d');
  return {
    id: pattern.id,
    regex: new RegExp(pattern.regex.source, [...flags].join('')),
    replace: pattern.replace,
    hints: pattern.hints,
    accept: pattern.accept,
  };
}

function compileCustom(source: string, index: number): CompiledPattern {
  if (source.length === 0) {
    throw new InvalidRedactionPatternError(source, 'an empty pattern would match everywhere');
  }
  let regex: RegExp;
  try {
    regex = new RegExp(source, 'g');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InvalidRedactionPatternError(source, reason, { cause: error });
  }
  return {
    id: `${CUSTOM_PATTERN_ID_PREFIX}-${index + 1}`,
    regex,
    replace: 'match',
    hints: [],
    accept: undefined,
  };
}

function findSpans(pattern: CompiledPattern, rank: number, text: string, spans: Span[]): void {
  const { regex } = pattern;
  regex.lastIndex = 0;
  for (let match = regex.exec(text); match !== null; match = regex.exec(text)) {
    if (match[0].length === 0) {
      // A user regex such as `x*` matches the empty string; step past it instead of looping forever.
      regex.lastIndex += 1;
      continue;
    }
    if (pattern.replace === 'match') {
      if (pattern.accept === undefined || pattern.accept(match[0])) {
        spans.push({ start: match.index, end: match.index + match[0].length, rank, id: pattern.id });
      }
      continue;
    }
    const groups = match.indices?.groups ?? {};
    for (const [name, range] of Object.entries(groups)) {
      if (!name.startsWith('secret') || range === undefined || range[1] <= range[0]) continue;
      const [start, end] = range;
      if (pattern.accept === undefined || pattern.accept(text.slice(start, end))) {
        spans.push({ start, end, rank, id: pattern.id });
      }
    }
  }
  regex.lastIndex = 0;
}

function markerRanges(text: string): Array<[number, number]> {
  if (!text.includes('[REDACTED:')) return [];
  return Array.from(text.matchAll(MARKER), (m) => [m.index, m.index + m[0].length] as [number, number]);
}

// Text that is already a marker stays as it is; otherwise `password=[REDACTED:x]` would be found
// again on a second pass and redacting would not be idempotent.
function overlapsMarker(span: Span, markers: ReadonlyArray<[number, number]>): boolean {
  return markers.some(([start, end]) => span.start < end && start < span.end);
}

/** Sorted, non-overlapping spans; overlapping finds are merged so no tail of a secret leaks. */
function mergeSpans(spans: Span[]): Span[] {
  spans.sort((a, b) => a.start - b.start || a.rank - b.rank);
  const merged: Span[] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last !== undefined && span.start < last.end) {
      last.end = Math.max(last.end, span.end);
    } else {
      merged.push({ ...span });
    }
  }
  return merged;
}

function shouldRun(pattern: CompiledPattern, lowerText: string): boolean {
  return pattern.hints.length === 0 || pattern.hints.some((hint) => lowerText.includes(hint));
}

/**
 * Builds a redactor from the built-in patterns plus regex sources from the user's config.
 * Throws InvalidRedactionPatternError when one of those sources does not compile.
 */
export function createRedactor(extraPatterns: readonly string[] = []): Redactor {
  const patterns: CompiledPattern[] = [
    ...BUILT_IN_SECRET_PATTERNS.map(compileBuiltIn),
    ...extraPatterns.map(compileCustom),
  ];

  function redactWithCount(text: string): RedactionResult {
    if (text.length === 0) return { text, count: 0 };
    const lowerText = text.toLowerCase();
    const found: Span[] = [];
    patterns.forEach((pattern, rank) => {
      if (shouldRun(pattern, lowerText)) findSpans(pattern, rank, text, found);
    });
    if (found.length === 0) return { text, count: 0 };

    const markers = markerRanges(text);
    const spans = mergeSpans(
      markers.length === 0 ? found : found.filter((span) => !overlapsMarker(span, markers)),
    );
    if (spans.length === 0) return { text, count: 0 };

    let output = '';
    let cursor = 0;
    for (const span of spans) {
      output += text.slice(cursor, span.start) + redactionMarker(span.id);
      cursor = span.end;
    }
    output += text.slice(cursor);
    return { text: output, count: spans.length };
  }

  return {
    redact: (text) => redactWithCount(text).text,
    redactWithCount,
  };
}
