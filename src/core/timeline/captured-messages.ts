import type { Actor } from '../model/events.ts';

/** A captured message as the log now says it is: latest edit, deleted or not, promoted or not. */
export interface CapturedMessageView {
  readonly messageId: string;
  readonly author: Actor;
  readonly text: string;
  readonly at: string;
  readonly permalink?: string;
  readonly deleted: boolean;
  readonly promoted: boolean;
  readonly edited: boolean;
  /** Where its capture stands among all the log's events. */
  readonly order: number;
}

const DELETED = 1;
const PROMOTED = 2;
const EDITED = 4;

/**
 * Every message of a log, kept column by column: a draft of 100k messages holds them all until
 * the last edit is known, and an object per message (its author, its time as a string) cost
 * about 290 bytes each where these columns cost about 180, most of it the text itself. Authors
 * are kept once per person; times as epoch milliseconds (the rare one that does not read back
 * the same is kept as written).
 */
export class CapturedMessages {
  private readonly index = new Map<string, number>();
  private readonly ids: string[] = [];
  private readonly texts: string[] = [];
  private readonly times: number[] = [];
  private readonly authorOf: number[] = [];
  private readonly orders: number[] = [];
  private readonly flags: number[] = [];
  private readonly authors: Actor[] = [];
  /** Rows of `authors` by id (one id may have gone by more than one name). */
  private readonly authorIndex = new Map<string, number[]>();
  private readonly permalinks = new Map<number, string>();
  private readonly oddTimes = new Map<number, string>();

  get size(): number {
    return this.ids.length;
  }

  /** The first capture of an id counts; a repeat (a backfill overlapping live capture) is ignored. */
  add(messageId: string, author: Actor, text: string, at: string, order: number, permalink?: string): void {
    if (this.index.has(messageId)) return;
    const row = this.ids.length;
    this.index.set(messageId, row);
    this.ids.push(messageId);
    this.texts.push(text);
    const ms = isCanonical(at) ? Date.parse(at) : Number.NaN;
    this.times.push(ms);
    if (Number.isNaN(ms)) this.oddTimes.set(row, at);
    this.authorOf.push(this.authorRow(author));
    this.orders.push(order);
    this.flags.push(0);
    if (permalink !== undefined) this.permalinks.set(row, permalink);
  }

  edit(messageId: string, text: string): void {
    const row = this.index.get(messageId);
    if (row === undefined) return;
    this.texts[row] = text;
    this.set(row, EDITED, true);
  }

  markDeleted(messageId: string): void {
    this.flag(messageId, DELETED, true);
  }

  markPromoted(messageId: string, promoted: boolean): void {
    this.flag(messageId, PROMOTED, promoted);
  }

  /** In the order first captured, deleted ones included (and flagged). */
  *all(): IterableIterator<CapturedMessageView> {
    for (let row = 0; row < this.ids.length; row++) yield this.view(row);
  }

  /** The promoted ones that were not deleted, in the order first captured. */
  *promoted(): IterableIterator<CapturedMessageView> {
    for (let row = 0; row < this.ids.length; row++) {
      const flags = this.flags[row] as number;
      if (flags & PROMOTED && !(flags & DELETED)) yield this.view(row);
    }
  }

  private view(row: number): CapturedMessageView {
    const flags = this.flags[row] as number;
    const permalink = this.permalinks.get(row);
    return {
      messageId: this.ids[row] as string,
      author: this.authors[this.authorOf[row] as number] as Actor,
      text: this.texts[row] as string,
      at: this.oddTimes.get(row) ?? new Date(this.times[row] as number).toISOString(),
      ...(permalink === undefined ? {} : { permalink }),
      deleted: (flags & DELETED) !== 0,
      promoted: (flags & PROMOTED) !== 0,
      edited: (flags & EDITED) !== 0,
      order: this.orders[row] as number,
    };
  }

  private flag(messageId: string, bit: number, on: boolean): void {
    const row = this.index.get(messageId);
    if (row !== undefined) this.set(row, bit, on);
  }

  private set(row: number, bit: number, on: boolean): void {
    const flags = this.flags[row] as number;
    this.flags[row] = on ? flags | bit : flags & ~bit;
  }

  private authorRow(author: Actor): number {
    const named = this.authorIndex.get(author.id);
    const known = named?.find((row) => (this.authors[row] as Actor).name === author.name);
    if (known !== undefined) return known;
    this.authors.push(author);
    const row = this.authors.length - 1;
    if (named) named.push(row);
    else this.authorIndex.set(author.id, [row]);
    return row;
  }
}

/** `YYYY-MM-DDTHH:mm:ss.sssZ`, as toISOString writes every time tocsin records: it reads back the same. */
function isCanonical(at: string): boolean {
  return at.length === 24 && at.charCodeAt(23) === 90 && at.charCodeAt(19) === 46 && at.charCodeAt(10) === 84;
}
