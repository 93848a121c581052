import { describe, expect, it } from 'vitest';
import { BLOCK_KIT_LIMITS, blockChars, PAGE_BUDGET } from '../../../adapters/slack/block-kit-pages.ts';
import { MAX_MESSAGES_PER_REPLY, renderReply } from '../../../adapters/slack/render-reply.ts';
import type { Reply } from '../../../src/core/commands/reply.ts';
import { validateBlocks } from '../../fakes/slack/index.ts';

const plain = { redact: (text: string) => text };

function timeline(lines: number, width: number): Reply {
  return {
    visibility: 'ephemeral',
    text: `Timeline of INC-1 (${lines} entries)`,
    lines: Array.from(
      { length: lines },
      (_, index) =>
        `10:${String(index % 60).padStart(2, '0')} UTC  alice: ${`entry ${index} `.padEnd(width, 'x')}`,
    ),
  };
}

describe('rendering a reply as Slack messages', () => {
  it('keeps every message within Block Kit limits and shows every line of a 500-line body', () => {
    const rendered = renderReply(timeline(500, 20), plain);
    expect(rendered.overflow).toBeUndefined();
    expect(rendered.messages.length).toBeGreaterThan(1);
    expect(rendered.messages.length).toBeLessThanOrEqual(MAX_MESSAGES_PER_REPLY);
    for (const message of rendered.messages) {
      expect(validateBlocks(message.blocks)).toEqual([]);
      expect(message.blocks.length).toBeLessThanOrEqual(BLOCK_KIT_LIMITS.blocksPerMessage);
      expect(message.blocks.reduce((sum, block) => sum + blockChars(block), 0)).toBeLessThanOrEqual(
        PAGE_BUDGET.messageChars,
      );
    }
    const all = JSON.stringify(rendered.messages);
    for (let index = 0; index < 500; index++) expect(all).toContain(`entry ${index} `);
  });

  it('attaches the whole body as a file when it would take too many messages', () => {
    const rendered = renderReply(timeline(500, 300), plain);
    expect(rendered.messages).toHaveLength(1);
    expect(validateBlocks(rendered.messages[0]?.blocks)).toEqual([]);
    expect(rendered.overflow?.name).toMatch(/\.txt$/);
    expect(rendered.overflow?.content.split('\n').filter((line) => line.includes('entry '))).toHaveLength(
      500,
    );
  });

  it('splits a single line longer than a section allows', () => {
    const rendered = renderReply({ visibility: 'channel', text: `Noted: ${'& '.repeat(2500)}` }, plain);
    for (const message of rendered.messages) expect(validateBlocks(message.blocks)).toEqual([]);
    expect(rendered.messages[0]?.blocks.length).toBeGreaterThan(1);
  });

  it('redacts before rendering, including in the file', () => {
    const redact = (text: string) => text.replace(/hunter2/g, '[REDACTED]');
    const short = renderReply({ visibility: 'channel', text: 'password hunter2' }, { redact });
    expect(JSON.stringify(short)).not.toContain('hunter2');
    const long = renderReply(
      { ...timeline(500, 300), lines: [...(timeline(500, 300).lines ?? []), 'hunter2'] },
      { redact },
    );
    expect(long.overflow?.content).not.toContain('hunter2');
  });

  it('keeps the notification text short and escaped', () => {
    const rendered = renderReply({ visibility: 'channel', text: `<!channel> ${'y'.repeat(5000)}` }, plain);
    expect(rendered.messages[0]?.text.length).toBeLessThanOrEqual(310);
    expect(rendered.messages[0]?.text).not.toContain('<!channel>');
  });

  it('adds a byline naming who acted', () => {
    const rendered = renderReply(
      { visibility: 'channel', text: 'INC-1 resolved.' },
      { ...plain, byline: '<@U0BOB> pressed Resolve' },
    );
    expect(rendered.messages[0]?.blocks.at(-1)).toEqual({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: '<@U0BOB> pressed Resolve' }],
    });
  });
});
