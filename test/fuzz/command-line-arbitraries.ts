import fc from 'fast-check';
import { COMMANDS } from '../../src/core/commands/command-registry.ts';

/**
 * Random `/incident …` lines, built from what breaks parsers: every command name and near misses,
 * severity look-alikes, odd and impossible times, mentions in each platform's shape, bidi and
 * control characters, arbitrary Unicode (astral, combining, lone surrogates) and huge tokens.
 */

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
/** Invisible and control characters no cleaned field may keep (tab and newline may stay). */
const HIDDEN_CODE_POINTS = new Set([
  ...range(0x00, 0x08),
  0x0b,
  0x0c,
  ...range(0x0e, 0x1f),
  ...range(0x7f, 0x9f),
  0x061c,
  0x200b,
  0x200c,
  0x200e,
  0x200f,
  ...range(0x202a, 0x202e),
  ...range(0x2060, 0x2064),
  ...range(0x2066, 0x2069),
  0xfeff,
]);

export function hiddenCharacterIn(text: string): string | undefined {
  const found = [...text].find((character) => HIDDEN_CODE_POINTS.has(character.codePointAt(0) ?? -1));
  return found && `U+${(found.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

const TRICKY_CHARACTERS = [
  ...'\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u061C',
  ...'\u200B\u200C\u200D\u2060\uFEFF\u0000\u0007\u0008\u001B\u007F\u0085\r\n\t\u00A0\u3000',
  '\uD800', // a lone surrogate
  '👩‍💻',
  'é',
  'e\u0301',
  'ｓ',
  '１',
  'a',
  '1',
  ':',
  '-',
  '@',
  '<',
  '>',
  '|',
  '`',
  '*',
  ' ',
];

const WORDS = [
  'sev1',
  'SEV-2',
  'sev 3',
  'SEV',
  'sev10',
  'sev0',
  'sev-0',
  'sev01',
  'p1',
  'P4',
  'p7',
  'p0',
  'critical',
  'HIGH',
  'medium',
  'low',
  'investigating',
  'identified',
  'monitoring',
  'resolved',
  'commander',
  'comms',
  'scribe',
  'due',
  'priority',
  'high',
  '30d',
  '90d',
  '7d',
  '15m',
  '2h',
  '0s',
  '99999d',
  'report',
  'sre',
  'platform-oncall',
  'primary',
  '-',
  '--',
  '|',
  '…',
  'help',
  'start',
  '__proto__',
  'constructor',
];

const word = fc.constantFrom(...WORDS);
const trickyText = fc.string({ unit: fc.constantFrom(...TRICKY_CHARACTERS), maxLength: 12 });
const unicodeText = fc.string({ unit: 'binary', maxLength: 10 });
const graphemes = fc.string({ unit: 'grapheme', maxLength: 10 });
/** Past every limit: titles are 150, notes 4,000. */
const hugeToken = fc
  .integer({ min: 140, max: 9000 })
  .chain((length) => fc.constantFrom('x', 'é', '👩‍💻', '\u202E', '9').map((unit) => unit.repeat(length)));

const twoDigits = fc.integer({ min: 0, max: 99 }).map((n) => String(n).padStart(2, '0'));
const year = fc.constantFrom('1900', '1970', '2000', '2024', '2025', '2026', '9999', '0000');
const date = fc
  .tuple(
    year,
    fc.constantFrom('01', '02', '11', '12', '13', '00'),
    fc.constantFrom('01', '20', '29', '30', '31', '32'),
  )
  .map((parts) => parts.join('-'));
const zone = fc.constantFrom(
  '',
  ' UTC',
  ' CEST',
  ' CET',
  ' EDT',
  ' GMT+9',
  ' Europe/Berlin',
  ' Mars/Olympus',
  ' utc',
);
const clock = fc.oneof(
  fc.tuple(twoDigits, twoDigits).map(([h, m]) => `${h}:${m}`),
  fc.tuple(fc.integer({ min: 0, max: 9 }), twoDigits).map(([h, m]) => `${h}:${m}`),
  fc.constantFrom('24:00', '23:59', '00:00', '12:60', '1:1', '99:99', '10:5'),
);
const time = fc.oneof(
  fc.tuple(clock, zone).map(([c, z]) => `${c}${z}`),
  fc.tuple(date, fc.constantFrom(' ', 'T'), clock, zone).map((parts) => parts.join('')),
  date,
);

const id = fc.string({ unit: fc.constantFrom(...'UW0123456789ABCxyz._-'), minLength: 0, maxLength: 12 });
const mention = fc.oneof(
  id.map((value) => `<@${value}>`),
  id.map((value) => `<@!${value}>`),
  fc.tuple(id, fc.oneof(trickyText, graphemes)).map(([value, name]) => `<@${value}|${name}>`),
  id.map((value) => `@${value}`),
  fc.constantFrom('<@>', '<@|>', '@', '<!channel>', '<!here>', '@everyone', '<#C123|general>', '<@U1|a>b>'),
);

export const token = fc.oneof(
  { weight: 6, arbitrary: word },
  { weight: 3, arbitrary: time },
  { weight: 3, arbitrary: mention },
  { weight: 3, arbitrary: trickyText },
  { weight: 2, arbitrary: unicodeText },
  { weight: 2, arbitrary: graphemes },
  { weight: 1, arbitrary: hugeToken },
);

const separator = fc.constantFrom(' ', ' ', ' ', '  ', '\t', '\n', '\u00A0', '\u3000', '\u2028');

/** A command name: mostly real ones, sometimes cased or mistyped or noise. */
export const commandName = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...COMMANDS.map((command) => command.name)) },
  { weight: 1, arbitrary: fc.constantFrom('START', 'Note', 'strat', 'sevv', 'severity', 'incident', '') },
  { weight: 1, arbitrary: fc.oneof(trickyText, unicodeText) },
);

/** The text after `/incident`: a name, then up to 8 tokens with odd separators between them. */
export const commandLine = fc
  .tuple(commandName, fc.array(fc.tuple(separator, token), { maxLength: 8 }), fc.constantFrom('', ' ', '\n'))
  .map(([name, parts, end]) => `${name}${parts.map(([sep, part]) => `${sep}${part}`).join('')}${end}`);
