import type { TimelineEntry } from '../core/timeline/build-timeline.ts';
import type { DraftMoments } from './draft-moments.ts';
import type { DraftRedactor } from './draft-redactor.ts';
import type { SuggestionSignal, TimelineRow } from './postmortem-model.ts';
import type { SuggestedEntry } from './suggest-entries.ts';

/** A suggestion is a pointer into the chat, not the whole of a long message. */
const SUGGESTION_LENGTH = 300;

/**
 * Drops entries that say the same thing at the same minute (a note typed twice, a note that repeats
 * a promoted message); the first one recorded stays.
 */
export function dedupeEntries(entries: readonly TimelineEntry[]): TimelineEntry[] {
  const seen = new Set<string>();
  return entries.filter((entry) => {
    const key = `${entry.at.slice(0, 16)}|${entry.text.toLowerCase().replace(/\s+/g, ' ').trim()}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function clip(text: string): string {
  if (text.length <= SUGGESTION_LENGTH) return text;
  return `${text.slice(0, SUGGESTION_LENGTH - 1).trimEnd()}…`;
}

/**
 * Timeline rows with their times formatted and their text redacted. Suggestions are redacted
 * before they are shortened, so a cut can never hide a secret from the redactor.
 */
export function buildTimelineRows(
  explicit: readonly TimelineEntry[],
  suggested: readonly SuggestedEntry[],
  moments: DraftMoments,
  redact: DraftRedactor,
): { timeline: TimelineRow[]; suggestions: TimelineRow[]; full: TimelineRow[] } {
  const row = (entry: TimelineEntry, signals: SuggestionSignal[] | undefined): TimelineRow => {
    const moment = moments.moment(entry.at);
    const text = redact.text(entry.text);
    return {
      at: moment.iso,
      time: moment.text,
      moment,
      relative: moments.relative(entry.at),
      kind: entry.kind,
      author: redact.actor(entry.author),
      text: signals ? clip(text) : text,
      suggested: signals !== undefined,
      signals: signals ?? [],
      ...(entry.messageId === undefined ? {} : { messageId: entry.messageId }),
      ...(entry.permalink === undefined ? {} : { permalink: redact.text(entry.permalink) }),
    };
  };
  const timeline = explicit.map((entry) => row(entry, undefined));
  const suggestions = suggested.map((entry) => row(entry, entry.signals));
  return { timeline, suggestions, full: mergeByTime(timeline, suggestions) };
}

/** Both lists are chronological; on a tie the confirmed entry comes first. */
function mergeByTime(confirmed: readonly TimelineRow[], suggested: readonly TimelineRow[]): TimelineRow[] {
  const merged: TimelineRow[] = [];
  let i = 0;
  let j = 0;
  while (i < confirmed.length || j < suggested.length) {
    const a = confirmed[i];
    const b = suggested[j];
    if (a && (!b || a.at <= b.at)) {
      merged.push(a);
      i += 1;
    } else if (b) {
      merged.push(b);
      j += 1;
    }
  }
  return merged;
}
