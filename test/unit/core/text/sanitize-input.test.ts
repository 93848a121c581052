import { describe, expect, it } from 'vitest';
import { parseMention } from '../../../../src/core/commands/mention.ts';
import { cleanInbound } from '../../../../src/core/text/clean-inbound.ts';
import { cleanName, cleanText } from '../../../../src/core/text/sanitize-input.ts';

const HIDDEN: [string, string][] = [
  ['U+200E left-to-right mark', '\u200E'],
  ['U+200F right-to-left mark', '\u200F'],
  ['U+061C Arabic letter mark', '\u061C'],
  ['U+202A left-to-right embedding', '\u202A'],
  ['U+202B right-to-left embedding', '\u202B'],
  ['U+202C pop directional formatting', '\u202C'],
  ['U+202D left-to-right override', '\u202D'],
  ['U+202E right-to-left override', '\u202E'],
  ['U+2066 left-to-right isolate', '\u2066'],
  ['U+2067 right-to-left isolate', '\u2067'],
  ['U+2068 first strong isolate', '\u2068'],
  ['U+2069 pop directional isolate', '\u2069'],
  ['U+200B zero-width space', '\u200B'],
  ['U+200C zero-width non-joiner', '\u200C'],
  ['U+200D zero-width joiner', '\u200D'],
  ['U+2060 word joiner', '\u2060'],
  ['U+FEFF byte order mark', '\uFEFF'],
];

describe('cleaning what people type', () => {
  it.each(HIDDEN)('strips the %s from inside a word', (_name, character) => {
    expect(cleanText(`db${character} down`)).toBe('db down');
  });

  it.each(HIDDEN)('strips the %s from the ends of a title', (_name, character) => {
    expect(cleanText(`${character}checkout errors${character}`)).toBe('checkout errors');
  });

  it('keeps the joiner inside an emoji sequence, so 👩‍💻 stays one emoji', () => {
    expect(cleanText('paged 👩\u200D💻 and 🏳️\u200D🌈')).toBe('paged 👩\u200D💻 and 🏳️\u200D🌈');
  });

  it('strips a joiner between an emoji and a letter', () => {
    expect(cleanText('👍\u200Dok')).toBe('👍ok');
  });

  it('keeps tabs, newlines and ordinary non-Latin text', () => {
    expect(cleanText('línea 1\n\tБаза данных 数据库 قاعدة')).toBe('línea 1\n\tБаза данных 数据库 قاعدة');
  });

  it('cleans a name to one line and falls back to the id when nothing is left', () => {
    expect(cleanName('Al\u202Eice\nSmith', 'U1')).toBe('Alice Smith');
    expect(cleanName('\u200F\u200E', 'U1')).toBe('U1');
  });

  it('cleans the name inside a mention', () => {
    expect(parseMention('<@U123|sa\u202Em>')).toEqual({ id: 'U123', name: 'sam' });
  });

  it('cleans the display name of whoever sent an event', () => {
    const event = cleanInbound({
      kind: 'command',
      text: 'list',
      context: { platform: 'console', workspace: 'w', channel: 'c', actor: { id: 'U1', name: 'Eve\u200F' } },
    });
    expect(event.context.actor).toEqual({ id: 'U1', name: 'Eve' });
  });

  it('cleans a typed command line and the options a platform sent', () => {
    const context = { platform: 'console', workspace: 'w', channel: 'c', actor: { id: 'U1', name: 'Eve' } };
    expect(cleanInbound({ kind: 'command', text: 'oncall \u202Eplatform', context })).toMatchObject({
      text: 'oncall platform',
    });
    expect(
      cleanInbound({ kind: 'command-options', name: 'start', options: { title: 'db\u200F down' }, context }),
    ).toMatchObject({ options: { title: 'db down' } });
  });
});
