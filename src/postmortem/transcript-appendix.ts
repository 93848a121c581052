import type { CapturedMessageView } from '../core/timeline/build-timeline.ts';
import type { DraftMoments } from './draft-moments.ts';
import type { DraftRedactor } from './draft-redactor.ts';
import type { TranscriptLine } from './postmortem-model.ts';

interface PendingLine {
  at: number;
  order: number;
  message: CapturedMessageView;
}

/**
 * The channel as it was said, for the appendix: every message that still exists, at the time it
 * was said, with its latest text, redacted. Collected message by message; only the lines kept are
 * held, and they are formatted once at the end.
 */
export class TranscriptAppendix {
  private readonly pending: PendingLine[] = [];

  add(message: CapturedMessageView): void {
    if (message.deleted) return;
    this.pending.push({ at: Date.parse(message.at), order: message.order, message });
  }

  /** The earliest and latest instants said, to decide whether times need dates. */
  bounds(): { earliest: string; latest: string } | undefined {
    if (this.pending.length === 0) return undefined;
    let earliest = Number.POSITIVE_INFINITY;
    let latest = Number.NEGATIVE_INFINITY;
    for (const line of this.pending) {
      if (line.at < earliest) earliest = line.at;
      if (line.at > latest) latest = line.at;
    }
    return { earliest: new Date(earliest).toISOString(), latest: new Date(latest).toISOString() };
  }

  lines(moments: DraftMoments, redact: DraftRedactor): TranscriptLine[] {
    this.pending.sort((a, b) => a.at - b.at || a.order - b.order);
    return this.pending.map(({ at, message }) => {
      return {
        at: message.at,
        time: moments.text(at),
        author: redact.actor(message.author),
        text: redact.text(message.text),
        edited: message.edited,
        ...(message.permalink === undefined ? {} : { permalink: redact.text(message.permalink) }),
      };
    });
  }
}
