import { describe, expect, it } from 'vitest';
import {
  escapeBlock,
  escapeInline,
  markdownLink,
  markdownPrompt,
} from '../../../src/postmortem/markdown-escape.ts';

/** The cells of a GFM table row: split on pipes no backslash escapes. */
function cells(row: string): string[] {
  return row.split(/(?<!\\)\|/).slice(1, -1);
}

describe('text people typed, escaped for a draft', () => {
  it('keeps a table row at its number of cells when the text has pipes', () => {
    const row = `| 15:23 UTC | ${escapeInline('a | b || c')} |`;
    expect(cells(row)).toHaveLength(2);
  });

  it('keeps a table row whole when the text ends a pipe with a backslash of its own', () => {
    const row = `| 15:23 UTC | ${escapeInline('path C:\\| x \\\\| y')} |`;
    expect(cells(row)).toHaveLength(2);
  });

  it('turns line breaks into <br> so a row or list item stays on one line', () => {
    const text = escapeInline('first line\n| forged | row |\r\nthird');
    expect(text).not.toContain('\n');
    expect(text).toBe('first line<br>\\| forged \\| row \\|<br>third');
  });

  it('cannot open an HTML tag', () => {
    const text = escapeInline('<script>alert(1)</script><img src=x onerror=alert(2)>');
    expect(text).not.toMatch(/<[a-z/]/i);
    expect(text).toContain('&lt;script>');
  });

  it('cannot spell an HTML entity', () => {
    expect(escapeInline('&#x3C;script&gt;')).toBe('&amp;#x3C;script&amp;gt;');
  });

  it('cannot form a link, an image or a link definition', () => {
    const text = escapeInline(
      '[click](javascript:alert(1)) ![pixel](https://t.example/p.gif) [x]: https://e',
    );
    expect(text).not.toMatch(/(?<!\\)\]\(/);
    expect(text).not.toMatch(/(?<!\\)\]:/);
  });

  it('cannot start a heading, quote, list or fence', () => {
    for (const typed of ['# big', '> quoted', '- item', '+ item', '* item', '1. item', '```js', '=====']) {
      expect(escapeInline(typed).startsWith('\\') || /^\d+\\\./.test(escapeInline(typed))).toBe(true);
    }
  });

  it('leaves ordinary engineering text as typed', () => {
    const typed =
      'restarted api_gateway (a -> b), ran `zypper up -r OBS:Server:Unstable` at 15:23 [REDACTED:jwt]';
    expect(escapeInline(typed)).toBe(typed);
  });

  it('strips control and bidi characters', () => {
    expect(escapeInline('ok\u0007\u202Egnp.exe')).toBe('okgnp.exe');
  });

  it('prints nothing for a missing value', () => {
    expect(escapeInline(undefined)).toBe('');
  });
});

describe('a paragraph of text', () => {
  it('keeps its lines as hard breaks, each escaped', () => {
    expect(escapeBlock('first\n# not a heading\nthird')).toBe('first\\\n\\# not a heading\\\nthird');
  });

  it('indents continuation lines for a quote', () => {
    expect(escapeBlock('one\ntwo', '> ')).toBe('one\\\n> two');
  });
});

describe('links', () => {
  it('links an https URL', () => {
    expect(markdownLink('message', 'https://chat.example/archives/C1/p1')).toBe(
      '[message](https://chat.example/archives/C1/p1)',
    );
  });

  it('shows only the label for a javascript: URL', () => {
    expect(markdownLink('message', 'javascript:alert(1)')).toBe('message');
  });

  it('encodes parentheses so the URL cannot close the link early', () => {
    expect(markdownLink('x', 'https://e.example/a)(b')).toBe('[x](https://e.example/a%29%28b)');
  });
});

describe('prompts', () => {
  it('quotes the question and lists the hints, escaped', () => {
    expect(markdownPrompt({ question: 'Why?', hints: ['10:02 UTC: a | b'] })).toBe(
      '> _To be written._ Why?\n>\n> From the record:\n> - 10:02 UTC: a \\| b',
    );
  });
});
