import { describe, expect, it } from 'vitest';
import { CapturedMessages } from '../../../../src/core/timeline/captured-messages.ts';

const alice = { id: 'U1', name: 'alice' };
const bob = { id: 'U2', name: 'bob' };

describe('the captured messages a timeline and a draft read', () => {
  it('shows each message as the log now says it is: latest edit, deleted, promoted, in capture order', () => {
    const messages = new CapturedMessages();
    messages.add('m1', alice, 'db is slow', '2026-11-20T14:00:00.000Z', 3);
    messages.add('m2', bob, 'failing over', '2026-11-20T14:01:00.000Z', 4, 'https://chat/m2');
    messages.edit('m1', 'db is very slow');
    messages.markPromoted('m2', true);
    messages.add('m3', alice, 'oops', '2026-11-20T14:02:00.000Z', 7);
    messages.markDeleted('m3');
    expect([...messages.all()]).toEqual([
      {
        messageId: 'm1',
        author: alice,
        text: 'db is very slow',
        at: '2026-11-20T14:00:00.000Z',
        deleted: false,
        promoted: false,
        edited: true,
        order: 3,
      },
      {
        messageId: 'm2',
        author: bob,
        text: 'failing over',
        at: '2026-11-20T14:01:00.000Z',
        permalink: 'https://chat/m2',
        deleted: false,
        promoted: true,
        edited: false,
        order: 4,
      },
      {
        messageId: 'm3',
        author: alice,
        text: 'oops',
        at: '2026-11-20T14:02:00.000Z',
        deleted: true,
        promoted: false,
        edited: false,
        order: 7,
      },
    ]);
  });

  it('keeps the first capture of a message seen twice, and a demoted one off the promoted list', () => {
    const messages = new CapturedMessages();
    messages.add('m1', alice, 'first', '2026-11-20T14:00:00.000Z', 1);
    messages.add('m1', bob, 'again', '2026-11-20T14:05:00.000Z', 2);
    messages.markPromoted('m1', true);
    messages.markPromoted('m1', false);
    expect([...messages.all()].map((message) => [message.text, message.author.name])).toEqual([
      ['first', 'alice'],
    ]);
    expect([...messages.promoted()]).toEqual([]);
  });

  it('gives back a time exactly as written when it is not in the canonical form', () => {
    const messages = new CapturedMessages();
    messages.add('m1', alice, 'x', '2026-11-20T14:00:00Z', 1);
    messages.add('m2', alice, 'y', 'not a time', 2);
    expect([...messages.all()].map((message) => message.at)).toEqual(['2026-11-20T14:00:00Z', 'not a time']);
  });

  it('ignores edits and flags for a message it never saw captured', () => {
    const messages = new CapturedMessages();
    messages.edit('ghost', 'text');
    messages.markDeleted('ghost');
    messages.markPromoted('ghost', true);
    expect(messages.size).toBe(0);
  });
});
