import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unknownCommand } from '../../src/core/commands/command-refusals.ts';
import { COMMANDS, findCommand } from '../../src/core/commands/command-registry.ts';
import { splitFirst } from '../../src/core/commands/text-tokens.ts';
import { isUserError } from '../../src/core/errors.ts';
import {
  looksLikeSeverity,
  parseSeverity,
  splitLeadingSeverity,
} from '../../src/core/model/severity-words.ts';
import { PARSE_CONTEXT, parseCommand } from '../support/parse-command.ts';
import { commandLine, hiddenCharacterIn } from './command-line-arbitraries.ts';

/*
 * The grammar alone, no Redis: fast, so it takes the full 10,000 lines. A fixed seed makes a
 * failure reproducible (fast-check prints the shrunk line); change it to explore further.
 */
const PARSER_RUNS = { numRuns: 10_000, seed: 20_251_120 };
const ALIASES = PARSE_CONTEXT.severityAliases;

/** The parse of one line as the core does it, including the refusal of an unknown name. */
function parseLine(line: string) {
  const [name, rest] = splitFirst(line);
  const command = name === '' ? undefined : findCommand(COMMANDS, name);
  if (name !== '' && !command) return { ok: false as const, error: unknownCommand(COMMANDS, name) };
  return parseCommand(command ? `${command.name} ${rest}` : 'help');
}

function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsOf);
  return [];
}

describe('10,000 random command lines through the grammar', () => {
  it('parses every line or refuses it with a user error that says what is wrong', () => {
    fc.assert(
      fc.property(commandLine, (line) => {
        const parsed = parseLine(line);
        if (!parsed.ok) {
          expect(isUserError(parsed.error)).toBe(true);
          expect(parsed.error.message.trim()).not.toBe('');
        }
      }),
      PARSER_RUNS,
    );
  });

  it('keeps no bidi, control or zero-width character in any parsed field', () => {
    fc.assert(
      fc.property(commandLine, (line) => {
        const parsed = parseLine(line);
        if (!parsed.ok) return;
        for (const text of stringsOf(parsed.args)) expect(hiddenCharacterIn(text)).toBeUndefined();
      }),
      PARSER_RUNS,
    );
  });

  it('never declares with the default severity when the title starts with a severity look-alike', () => {
    fc.assert(
      fc.property(commandLine, (line) => {
        const parsed = parseCommand(`start ${line}`);
        const [first] = splitLeadingSeverity(line);
        if (parsed.ok && looksLikeSeverity(first, ALIASES)) {
          expect((parsed.args as { severity?: string }).severity).toBeDefined();
        }
      }),
      PARSER_RUNS,
    );
  });
});

describe('severity words, for any number', () => {
  const spelling = fc.constantFrom('sev', 'SEV', 'Sev', 'sev-', 'SEV-', 'sev ', 'SEV  ');

  it('reads sev<n> in every spelling as SEV<n> for 1 to 4 and refuses every other number', () => {
    fc.assert(
      fc.property(spelling, fc.nat({ max: 100_000 }), (prefix, n) => {
        const parsed = parseSeverity(`${prefix}${n}`, ALIASES);
        if (n >= 1 && n <= 4) expect(parsed).toEqual({ ok: true, value: `SEV${n}` });
        else expect(!parsed.ok && parsed.error.message).toContain('Use one of sev1, sev2, sev3, sev4');
      }),
      { numRuns: 2_000, seed: 7 },
    );
  });

  it('reads p<n> as SEV<n> for 1 to 4 and refuses every other number', () => {
    fc.assert(
      fc.property(fc.constantFrom('p', 'P'), fc.nat({ max: 100_000 }), (prefix, n) => {
        expect(looksLikeSeverity(`${prefix}${n}`, ALIASES)).toBe(true);
        expect(parseSeverity(`${prefix}${n}`, ALIASES).ok).toBe(n >= 1 && n <= 4);
      }),
      { numRuns: 2_000, seed: 8 },
    );
  });
});
