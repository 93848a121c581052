import { describe, expect, it } from 'vitest';
import { renderReply } from '../../../adapters/discord/render-reply.ts';
import { splitText, truncate } from '../../../adapters/discord/split-text.ts';

describe('long text becomes several messages within Discord limits', () => {
  it('splits at line breaks and keeps every line', () => {
    const lines = Array.from({ length: 100 }, (_, i) => `line ${i} ${'x'.repeat(40)}`);
    const pieces = splitText(lines.join('\n'), 2000);
    expect(pieces.length).toBeGreaterThan(1);
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(2000);
    expect(pieces.join('\n').split('\n')).toEqual(lines);
  });

  it('splits a single long paragraph at spaces, and a word longer than a message mid-word', () => {
    const words = Array.from({ length: 900 }, (_, i) => `w${i}`).join(' ');
    const pieces = splitText(words, 2000);
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(2000);
    expect(pieces.join(' ')).toBe(words);
    const blob = 'a'.repeat(4500);
    expect(splitText(blob, 2000).map((piece) => piece.length)).toEqual([2000, 2000, 500]);
  });

  it('truncates with an ellipsis to exactly the limit', () => {
    expect(truncate('x'.repeat(300), 256)).toHaveLength(256);
    expect(truncate('short', 256)).toBe('short');
  });
});

describe('rendering a reply for Discord', () => {
  it('sends a short reply as one message', () => {
    expect(renderReply({ visibility: 'channel', text: 'Noted: hi' }).map((part) => part.content)).toEqual([
      'Noted: hi',
    ]);
  });

  it('splits a body of a few messages into up to three messages', () => {
    const lines = Array.from({ length: 60 }, (_, i) => `${i}: ${'y'.repeat(60)}`);
    const parts = renderReply({ visibility: 'ephemeral', text: 'Timeline', lines });
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.length).toBeLessThanOrEqual(3);
    for (const part of parts) {
      expect(part.content.length).toBeLessThanOrEqual(2000);
      expect(part.files).toEqual([]);
    }
  });

  it('attaches a body too long for three messages as a text file, and never drops a line', () => {
    const lines = Array.from(
      { length: 500 },
      (_, i) => `10:${String(i % 60).padStart(2, '0')} UTC  alice: entry ${i}`,
    );
    const parts = renderReply({ visibility: 'ephemeral', text: 'Timeline of INC-1 (500 entries)', lines });
    expect(parts).toHaveLength(1);
    const [part] = parts;
    if (!part) throw new Error('no message');
    expect(part.content.length).toBeLessThanOrEqual(2000);
    expect(part.content).toContain('Timeline of INC-1 (500 entries)');
    const [file] = part.files;
    expect(file?.name).toBe('timeline-of-inc-1-500-entries.txt');
    const body = String(file?.attachment);
    expect(body.split('\n')).toEqual(['Timeline of INC-1 (500 entries)', ...lines]);
  });

  it('attaches a reply file as Markdown', () => {
    const parts = renderReply({
      visibility: 'channel',
      text: 'Postmortem draft written',
      file: { name: '/tmp/pm/inc-1-db-down', content: '# INC-1', title: 'Postmortem draft' },
    });
    const file = parts[0]?.files[0];
    expect(file?.name).toBe('inc-1-db-down.md');
    expect(String(file?.attachment)).toBe('# INC-1');
  });
});
