import { fail, ok, type Result, type UserError, userError } from '../errors.ts';
import { cleanText } from '../text/sanitize-input.ts';
import { SEVERITIES, type Severity } from './severity.ts';

/** Other words for a severity, lower case: `critical: SEV1`. Configured as `severity_aliases`. */
export type SeverityAliases = Readonly<Record<string, Severity>>;

/** The words people bring from other tools (PagerDuty's priorities, Jira's levels). */
export const DEFAULT_SEVERITY_ALIASES: SeverityAliases = {
  critical: 'SEV1',
  high: 'SEV2',
  medium: 'SEV3',
  low: 'SEV4',
  p1: 'SEV1',
  p2: 'SEV2',
  p3: 'SEV3',
  p4: 'SEV4',
};

/** sev1, SEV-1, SEV 1, and sev10 or sev0, which are refused rather than read as a title. */
const SEV_SHAPE = /^sev[-\s]?(\d+)$/;
/** A word and a number (p7, prio-9): a severity if the aliases have a word of that family. */
const NUMBERED = /^(\p{L}+)-?\d+$/u;
/** Typed before the title as a label: `sev1: db down`, `P1, checkout`. */
const LABEL_PUNCTUATION = /[:,]$/;
const SHOWN_CHARACTERS = 40;

/** The form words are compared in: cleaned, NFKC (fullwidth ｓｅｖ１ is sev1), lower case, one space. */
function normalized(text: string): string {
  return cleanText(text).normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').replace(LABEL_PUNCTUATION, '');
}

/** Reads sev1, SEV1, sev-1, SEV-1, SEV 1 and the aliases; refuses anything else with the valid list. */
export function parseSeverity(text: string, aliases: SeverityAliases = {}): Result<Severity> {
  const word = normalized(text);
  const number = SEV_SHAPE.exec(word)?.[1];
  const canonical = SEVERITIES.find((severity) => severity === `SEV${number}`);
  if (canonical) return ok(canonical);
  const alias = Object.hasOwn(aliases, word) ? aliases[word] : undefined;
  if (alias) return ok(alias);
  return fail(invalidSeverity(text, aliases));
}

/**
 * Whether a word is meant as a severity, valid or not: the sevN shapes, the aliases and their
 * numbered family (p7 when p1 is an alias). Such a word before a title is read as a severity, so
 * `sev10 db down` is refused instead of opening a SEV3 called "sev10 db down".
 */
export function looksLikeSeverity(text: string, aliases: SeverityAliases = {}): boolean {
  const word = normalized(text);
  if (SEV_SHAPE.test(word) || Object.hasOwn(aliases, word)) return true;
  const family = NUMBERED.exec(word)?.[1];
  if (family === undefined) return false;
  return Object.keys(aliases).some((alias) => NUMBERED.exec(alias)?.[1] === family);
}

/**
 * Splits off the first word, keeping `SEV 1` (two tokens) together: `SEV 1 db down` is
 * ["SEV 1", "db down"]. Anything else splits at the first space.
 */
export function splitLeadingSeverity(text: string): [string, string] {
  const match = /^\s*(sev\s+\d+[:,]?|\S+)(?:\s+([\s\S]*))?$/iu.exec(text);
  if (!match) return ['', ''];
  return [match[1] as string, (match[2] ?? '').trim()];
}

/** The valid words, as a refusal lists them. */
export function severityWords(aliases: SeverityAliases = {}): string {
  const canonical = `${SEVERITIES.map((severity) => severity.toLowerCase()).join(', ')} (SEV-1 and SEV 1 work too)`;
  const others = Object.keys(aliases);
  return others.length === 0 ? canonical : `${canonical}, or ${others.join(', ')}`;
}

function invalidSeverity(text: string, aliases: SeverityAliases): UserError {
  const shown = cleanText(text);
  const quoted = shown.length > SHOWN_CHARACTERS ? `${shown.slice(0, SHOWN_CHARACTERS)}…` : shown;
  return userError(
    'invalid_severity',
    `"${quoted}" is not a severity. Use one of ${severityWords(aliases)}.`,
  );
}

/**
 * A title typed with its severity first (`SEV 1 db down`, `critical db down`): the severity word,
 * when the first word looks like one (so `sev10` is refused rather than titled), and the rest.
 */
export function leadingSeverity(
  text: string,
  aliases: SeverityAliases = {},
): { word?: string; rest: string } {
  const [first, rest] = splitLeadingSeverity(text);
  return first && looksLikeSeverity(first, aliases) ? { word: first, rest } : { rest: text };
}
