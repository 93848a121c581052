import { describe, expect, it } from 'vitest';
import { errorReply, toChannel } from '../../../src/core/commands/reply.ts';
import { userError } from '../../../src/core/errors.ts';
import { redactReply } from '../../../src/redaction/redact-reply.ts';
import { createRedactor } from '../../../src/redaction/redact-secrets.ts';

const redactor = createRedactor();
const key = `AKIA${'IOSFODNN7'}EXAMPLE`;

describe('a reply the bot echoes', () => {
  it('never repeats a secret typed into a command', () => {
    const reply = redactReply(toChannel(`Noted: rotated ${key}`, { lines: [`key ${key}`] }), redactor);
    expect(reply.text).toBe('Noted: rotated [REDACTED:aws-access-key]');
    expect(reply.lines).toEqual(['key [REDACTED:aws-access-key]']);
  });

  it('redacts an attached file and an error message quoting the input', () => {
    const withFile = redactReply(
      toChannel('draft', { file: { name: 'a.md', title: 'Draft', content: `password=${'hunter2'}` } }),
      redactor,
    );
    expect(withFile.file?.content).toBe('password=[REDACTED:secret-assignment]');
    const error = redactReply(
      errorReply(userError('invalid_user', `"${key}" is not a user mention.`)),
      redactor,
    );
    expect(error.error?.message).toBe('"[REDACTED:aws-access-key]" is not a user mention.');
    expect(error.text).not.toContain(key);
  });

  it('keeps everything else of the reply', () => {
    const reply = toChannel('all good', { incident: { platform: 'console', workspace: 'local', number: 4 } });
    expect(redactReply(reply, redactor)).toEqual(reply);
  });
});
