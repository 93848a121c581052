import { describe, expect, it } from 'vitest';
import { isUpgrade } from '../../../src/core/model/severity.ts';
import {
  DEFAULT_SEVERITY_ALIASES as ALIASES,
  looksLikeSeverity,
  parseSeverity,
  splitLeadingSeverity,
} from '../../../src/core/model/severity-words.ts';

describe('severity words', () => {
  it.each(['sev1', 'SEV1', 'sev-1', 'SEV-1', 'Sev-1', 'SEV 1', 'sev1:', 'ｓｅｖ１', 'sev\u200B1'])(
    'reads %j as SEV1',
    (text) => {
      expect(parseSeverity(text, ALIASES)).toEqual({ ok: true, value: 'SEV1' });
    },
  );

  it.each([
    ['critical', 'SEV1'],
    ['HIGH', 'SEV2'],
    ['medium', 'SEV3'],
    ['Low', 'SEV4'],
    ['p1', 'SEV1'],
    ['P2', 'SEV2'],
    ['p3', 'SEV3'],
    ['P4', 'SEV4'],
  ])('reads the default alias %s as %s', (text, severity) => {
    expect(parseSeverity(text, ALIASES)).toEqual({ ok: true, value: severity });
  });

  it('reads a configured alias', () => {
    expect(parseSeverity('Urgent', { urgent: 'SEV1' })).toEqual({ ok: true, value: 'SEV1' });
  });

  it('refuses an alias the configuration does not have', () => {
    expect(parseSeverity('critical', { urgent: 'SEV1' }).ok).toBe(false);
  });

  it.each(['sev5', 'sev0', 'sev10', 'sev01', 'p7', 'p0', 'sev 9', 'banana', ''])(
    'refuses %j with the list of severities and aliases',
    (text) => {
      const result = parseSeverity(text, ALIASES);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.message).toContain(
          'Use one of sev1, sev2, sev3, sev4 (SEV-1 and SEV 1 work too)',
        );
        expect(result.error.message).toContain('or critical, high, medium, low, p1, p2, p3, p4.');
      }
    },
  );

  it('shows at most 40 characters of a long word it refuses', () => {
    const result = parseSeverity(`sev${'9'.repeat(500)}`, ALIASES);
    expect(!result.ok && result.error.message).toMatch(/^"sev9{37}…" is not a severity/);
  });

  it.each(['sev10', 'SEV0', 'sev 9', 'p7', 'P0', 'critical', 'sev2'])(
    'takes %j as meant for a severity',
    (text) => {
      expect(looksLikeSeverity(text, ALIASES)).toBe(true);
    },
  );

  it.each(['db', 'severe', 'sev', 'p', 'prod7', 'api'])('takes %j as an ordinary word', (text) => {
    expect(looksLikeSeverity(text, ALIASES)).toBe(false);
  });

  it('takes p7 as an ordinary word when no alias is a p-number', () => {
    expect(looksLikeSeverity('p7', { critical: 'SEV1' })).toBe(false);
  });

  it('splits SEV 1 off a title as one severity', () => {
    expect(splitLeadingSeverity('SEV 1 db down')).toEqual(['SEV 1', 'db down']);
  });

  it('splits an ordinary first word at the first space', () => {
    expect(splitLeadingSeverity('sev1 db  down')).toEqual(['sev1', 'db  down']);
    expect(splitLeadingSeverity('sev 1db down')).toEqual(['sev', '1db down']);
  });

  it('knows SEV1 is worse than SEV2', () => {
    expect(isUpgrade('SEV2', 'SEV1')).toBe(true);
    expect(isUpgrade('SEV1', 'SEV3')).toBe(false);
  });
});
