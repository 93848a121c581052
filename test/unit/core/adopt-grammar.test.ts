import { describe, expect, it } from 'vitest';
import { parsedArgs, parseError } from '../../support/parse-command.ts';

describe('/incident adopt', () => {
  it('takes a severity, a title and since HH:MM, the most recent past one', () => {
    expect(parsedArgs('adopt sev1 checkout errors since 14:05')).toEqual({
      severity: 'SEV1',
      title: 'checkout errors',
      since: new Date('2025-11-20T14:05:00Z'),
    });
  });

  it('takes since YYYY-MM-DD HH:MM', () => {
    expect(parsedArgs('adopt db slow since 2025-11-19 23:40')).toMatchObject({
      since: new Date('2025-11-19T23:40:00Z'),
    });
  });

  it('reads back the last hour when no since is given, and names the incident for the channel when no title is', () => {
    expect(parsedArgs('adopt')).toEqual({
      severity: undefined,
      title: 'Incident adopted from this channel',
      since: new Date('2025-11-20T15:00:00Z'),
    });
  });

  it('refuses a since that is not a time, with the usage', () => {
    const error = parseError('adopt db slow since lunch');
    expect(error.message).toBe('"since lunch" is not a time: write since HH:MM or since YYYY-MM-DD HH:MM.');
    expect(error.usage).toBe(
      '/incident adopt [sev1|sev2|sev3|sev4] [title] [since HH:MM | since YYYY-MM-DD HH:MM]',
    );
  });
});
