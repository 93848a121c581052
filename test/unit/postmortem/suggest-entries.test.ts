import { describe, expect, it } from 'vitest';
import type { CapturedMessageView, TimelineEntry } from '../../../src/core/timeline/build-timeline.ts';
import { EntrySuggester } from '../../../src/postmortem/suggest-entries.ts';
import { person } from './incident-log.ts';

let order = 0;
function message(text: string, at: string, extra: Partial<CapturedMessageView> = {}): CapturedMessageView {
  order += 1;
  return {
    messageId: `m${order}`,
    author: person('dana'),
    text,
    at,
    deleted: false,
    promoted: false,
    edited: false,
    order,
    ...extra,
  };
}

function note(text: string, at: string): TimelineEntry {
  return { at, kind: 'note', author: person('chris'), text };
}

function suggest(messages: CapturedMessageView[], explicit: TimelineEntry[] = [], limit = 50) {
  const suggester = new EntrySuggester(explicit, 'UTC', limit);
  for (const m of messages) suggester.consider(m);
  return suggester.result();
}

describe('suggested timeline entries', () => {
  it('proposes a message with a signal, at the time it was said', () => {
    const { entries } = suggest([message('restarted the api pods', '2025-11-20T15:40:10.000Z')]);
    expect(entries).toMatchObject([
      {
        at: '2025-11-20T15:40:10.000Z',
        kind: 'message',
        text: 'restarted the api pods',
        signals: ['restarted'],
      },
    ]);
  });

  it('proposes nothing for chatter without a signal', () => {
    expect(suggest([message('on it', '2025-11-20T15:40:00.000Z')]).entries).toEqual([]);
  });

  it('leaves out deleted and promoted messages (the latter are already on the timeline)', () => {
    const { entries } = suggest([
      message('rolled back 4411', '2025-11-20T15:40:00.000Z', { deleted: true }),
      message('restarted db', '2025-11-20T15:41:00.000Z', { promoted: true }),
    ]);
    expect(entries).toEqual([]);
  });

  it('leaves out a message that repeats a note of the same minute', () => {
    const { entries } = suggest(
      [message('Noted: rolled back deploy 4411', '2025-11-20T15:40:20.000Z')],
      [note('rolled back deploy 4411', '2025-11-20T15:40:00.000Z')],
    );
    expect(entries).toEqual([]);
  });

  it('proposes the same text once', () => {
    const { entries, found } = suggest([
      message('deploying 4412', '2025-11-20T15:40:00.000Z'),
      message('Deploying 4412!', '2025-11-20T15:42:00.000Z'),
    ]);
    expect(entries).toHaveLength(1);
    expect(found).toBe(1);
  });

  it('keeps the strongest suggestions when there are too many, in time order', () => {
    const { entries, found } = suggest(
      [
        message('restarted a', '2025-11-20T15:40:00.000Z'),
        message('rolled back and restarted b', '2025-11-20T15:41:00.000Z'),
        message('restarted c', '2025-11-20T15:42:00.000Z'),
        message('the deploy at 15:30 was rolled back', '2025-11-20T15:43:00.000Z'),
      ],
      [],
      2,
    );
    expect(found).toBe(4);
    expect(entries.map((entry) => entry.text)).toEqual([
      'the deploy at 15:30 was rolled back',
      'rolled back and restarted b',
    ]);
  });

  it('gives the same suggestions for the same messages', () => {
    const messages = [
      message('restarted a', '2025-11-20T15:40:00.000Z'),
      message('restarted b', '2025-11-20T15:40:00.000Z'),
    ];
    expect(suggest(messages, [], 1)).toEqual(suggest(messages, [], 1));
  });
});
