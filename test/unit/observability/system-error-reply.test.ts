import { describe, expect, it } from 'vitest';
import { SYSTEM_ERROR_CODES, systemErrorReply } from '../../../src/core/commands/system-error-reply.ts';
import { SystemError } from '../../../src/core/errors.ts';

describe('what people see when the core cannot do what they asked', () => {
  it('a store failure reads "could not record that, try again", only to them', () => {
    const reply = systemErrorReply(new SystemError(SYSTEM_ERROR_CODES.notRecorded, 'ECONNREFUSED'));
    expect(reply.visibility).toBe('ephemeral');
    expect(reply.text).toMatch(/^Could not record that, try again/);
    expect(reply.text).not.toContain('ECONNREFUSED');
  });

  it('a refusal during shutdown says nothing was recorded', () => {
    expect(systemErrorReply(new SystemError(SYSTEM_ERROR_CODES.shuttingDown, 'x')).text).toMatch(
      /restarting.*Nothing was recorded/,
    );
  });

  it('a failure after recording says it was recorded, never "could not record"', () => {
    const text = systemErrorReply(new SystemError(SYSTEM_ERROR_CODES.followUpFailed, 'x')).text;
    expect(text).toMatch(/^Recorded\./);
    expect(text).not.toMatch(/could not record/i);
  });

  it('an untyped error is treated as not recorded', () => {
    expect(systemErrorReply(new Error('boom')).text).toMatch(/^Could not record that, try again/);
  });
});
