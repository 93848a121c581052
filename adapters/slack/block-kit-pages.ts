import type { types } from '@slack/bolt';
import { toSafeMrkdwn } from './slack-text.ts';

/** Slack's published Block Kit limits for a message. */
export const BLOCK_KIT_LIMITS = {
  blocksPerMessage: 50,
  sectionText: 3000,
  headerText: 150,
  messageText: 40_000,
  buttonText: 75,
  buttonValue: 2000,
} as const;

/**
 * What tocsin aims for, under those limits: escaping can lengthen a piece after it was measured,
 * and Slack also refuses a message whose blocks add up to about 12 000 characters
 * (`msg_blocks_too_long`, undocumented), so each message keeps well below that.
 */
export const PAGE_BUDGET = {
  sectionText: 2900,
  blocks: 45,
  messageChars: 10_000,
} as const;

export interface SlackMessage {
  /** Notification and screen-reader fallback; Slack shows blocks when present. */
  text: string;
  blocks: types.KnownBlock[];
}

/**
 * Plain text → mrkdwn pieces that each fit in a section. A line is split in halves (at a space
 * when there is one) until every half fits once escaped.
 */
export function fitToSections(plain: string, max: number = PAGE_BUDGET.sectionText): string[] {
  const rendered = toSafeMrkdwn(plain);
  if (rendered.length <= max) return rendered.length > 0 ? [rendered] : [];
  const middle = Math.floor(plain.length / 2);
  const space = plain.lastIndexOf(' ', middle);
  const cut = space > plain.length / 4 ? space + 1 : middle;
  return [...fitToSections(plain.slice(0, cut), max), ...fitToSections(plain.slice(cut), max)];
}

/** Packs rendered lines into section texts of at most `max` characters, never splitting a line. */
export function packSections(lines: readonly string[], max: number = PAGE_BUDGET.sectionText): string[] {
  const sections: string[] = [];
  let current = '';
  for (const line of lines) {
    const next = current === '' ? line : `${current}\n${line}`;
    if (next.length > max && current !== '') {
      sections.push(current);
      current = line;
    } else {
      current = next;
    }
  }
  if (current !== '') sections.push(current);
  return sections;
}

export function section(text: string): types.SectionBlock {
  return { type: 'section', text: { type: 'mrkdwn', text } };
}

/** Groups blocks into messages within the block and character budgets. */
export function packMessages(
  blocks: readonly types.KnownBlock[],
  budget: { blocks: number; messageChars: number } = PAGE_BUDGET,
): types.KnownBlock[][] {
  const pages: types.KnownBlock[][] = [];
  let page: types.KnownBlock[] = [];
  let chars = 0;
  for (const block of blocks) {
    const size = blockChars(block);
    if (page.length > 0 && (page.length >= budget.blocks || chars + size > budget.messageChars)) {
      pages.push(page);
      page = [];
      chars = 0;
    }
    page.push(block);
    chars += size;
  }
  if (page.length > 0) pages.push(page);
  return pages;
}

/** The characters of text a block carries, as Slack counts them towards a message's size. */
export function blockChars(block: types.KnownBlock): number {
  let total = 0;
  const visit = (value: unknown): void => {
    if (typeof value === 'string') total += value.length;
    else if (Array.isArray(value)) for (const item of value) visit(item);
    else if (value && typeof value === 'object') for (const inner of Object.values(value)) visit(inner);
  };
  visit(block);
  return total;
}
