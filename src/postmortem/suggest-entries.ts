import type { CapturedMessageView, TimelineEntry } from '../core/timeline/build-timeline.ts';
import { readSignals } from './message-signals.ts';
import type { SuggestionSignal } from './postmortem-model.ts';

export interface SuggestedEntry extends TimelineEntry {
  signals: SuggestionSignal[];
  order: number;
}

const MINUTE = 60_000;
/** Shorter texts ("ok", "on it") are contained in everything; they never count as duplicates. */
const MIN_DUPLICATE_LENGTH = 12;

function normalize(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Proposes timeline lines from captured chat: messages with a signal that are not already on the
 * timeline (promoted, or said again as a note or by the bot's own echo). Deterministic: the same
 * messages always give the same suggestions, at most `limit` of them, strongest first.
 */
export class EntrySuggester {
  private readonly explicitByMinute = new Map<number, string[]>();
  private readonly seen = new Set<string>();
  private readonly candidates: (SuggestedEntry & { score: number })[] = [];

  constructor(
    explicit: readonly TimelineEntry[],
    private readonly timeZone: string,
    private readonly limit: number,
  ) {
    for (const entry of explicit) {
      const minute = Math.floor(Date.parse(entry.at) / MINUTE);
      const texts = this.explicitByMinute.get(minute) ?? [];
      texts.push(normalize(entry.text));
      this.explicitByMinute.set(minute, texts);
    }
  }

  consider(message: CapturedMessageView): void {
    if (message.deleted || message.promoted || message.text.length === 0) return;
    const { signals, occurredAt } = readSignals(message.text, message.at, this.timeZone);
    if (signals.length === 0) return;
    const text = normalize(message.text);
    if (this.seen.has(text)) return;
    const at = occurredAt ?? message.at;
    if (this.onTimeline(text, message.at) || (occurredAt && this.onTimeline(text, occurredAt))) return;
    this.seen.add(text);
    this.candidates.push({
      at,
      kind: 'message',
      author: message.author,
      text: message.text,
      messageId: message.messageId,
      ...(message.permalink === undefined ? {} : { permalink: message.permalink }),
      signals,
      order: message.order,
      score: signals.length + (occurredAt ? 1 : 0),
    });
  }

  /** The suggestions in chronological order, and how many qualified before the limit. */
  result(): { entries: SuggestedEntry[]; found: number } {
    const byTime = (a: SuggestedEntry, b: SuggestedEntry) =>
      Date.parse(a.at) - Date.parse(b.at) || a.order - b.order;
    let chosen = this.candidates;
    if (chosen.length > this.limit) {
      chosen = [...chosen].sort((a, b) => b.score - a.score || byTime(a, b)).slice(0, this.limit);
    }
    const entries = chosen.map(({ score: _score, ...entry }) => entry).sort(byTime);
    return { entries, found: this.candidates.length };
  }

  private onTimeline(text: string, iso: string): boolean {
    const minute = Math.floor(Date.parse(iso) / MINUTE);
    for (let m = minute - 1; m <= minute + 1; m++) {
      for (const explicit of this.explicitByMinute.get(m) ?? []) {
        if (explicit === text) return true;
        const [shorter, longer] = explicit.length < text.length ? [explicit, text] : [text, explicit];
        if (shorter.length >= MIN_DUPLICATE_LENGTH && longer.includes(shorter)) return true;
      }
    }
    return false;
  }
}
