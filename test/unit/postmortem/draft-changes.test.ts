import { describe, expect, it } from 'vitest';
import { describeChanges, type PreviousDraft } from '../../../src/postmortem/draft-changes.ts';

function previous(extra: Partial<PreviousDraft> = {}): PreviousDraft {
  return { at: '2025-11-20T16:00:00.000Z', template: 'report', digest: 'old', since: {}, ...extra };
}

describe('what changed since the last draft', () => {
  it('says nothing when the draft came out the same', () => {
    expect(
      describeChanges(previous({ since: { message_captured: 3 } }), { template: 'report', digest: 'old' }),
    ).toEqual([]);
  });

  it('counts what was recorded since, in words', () => {
    const since = { note_added: 2, action_item_added: 1, message_captured: 1, message_deleted: 3 };
    expect(describeChanges(previous({ since }), { template: 'report', digest: 'new' })).toEqual([
      '2 new notes',
      '1 new action item',
      '1 new message',
      '3 messages deleted',
    ]);
  });

  it('names a new template, the severity now, and a resolution', () => {
    const changes = describeChanges(
      previous({ since: { severity_changed: 2, resolved: 1 }, severityNow: 'SEV1' }),
      {
        template: 'sre',
        digest: 'new',
      },
    );
    expect(changes).toEqual(['template report → sre', 'severity now SEV1', 'resolved']);
  });

  it('tells a reopening followed by a new resolution', () => {
    expect(
      describeChanges(previous({ since: { reopened: 1, resolved: 1 } }), { template: 'report', digest: 'x' }),
    ).toEqual(['reopened and resolved again']);
  });

  it('blames the template or settings when the log did not change but the draft did', () => {
    expect(describeChanges(previous(), { template: 'report', digest: 'x' })).toEqual([
      'the template or the settings changed the draft',
    ]);
  });
});
