import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load-config.ts';

describe('severity_aliases in the YAML config', () => {
  it('defaults to critical/high/medium/low and p1-p4', () => {
    expect(parseConfig('', {}, 'x.yml').severity_aliases).toEqual({
      critical: 'SEV1',
      high: 'SEV2',
      medium: 'SEV3',
      low: 'SEV4',
      p1: 'SEV1',
      p2: 'SEV2',
      p3: 'SEV3',
      p4: 'SEV4',
    });
  });

  it('replaces the defaults as a whole, in lower case, reading values like any severity', () => {
    expect(
      parseConfig('severity_aliases: { Urgent: sev-1, P0: SEV1 }\n', {}, 'x.yml').severity_aliases,
    ).toEqual({
      urgent: 'SEV1',
      p0: 'SEV1',
    });
  });

  it('turns aliases off with {}', () => {
    expect(parseConfig('severity_aliases: {}\n', {}, 'x.yml').severity_aliases).toEqual({});
  });

  it('refuses to redefine a built-in sevN word, naming the key', () => {
    expect(() => parseConfig('severity_aliases: { sev5: SEV1 }\n', {}, 'x.yml')).toThrow(
      'severity_aliases.sev5: sev1…sev4 are built in; pick another word',
    );
  });

  it('refuses an alias of two words', () => {
    expect(() => parseConfig('severity_aliases: { "very bad": SEV1 }\n', {}, 'x.yml')).toThrow(
      'severity_aliases.very bad: an alias is one word (letters, digits, - or _)',
    );
  });

  it('refuses an alias for a severity that does not exist', () => {
    expect(() => parseConfig('severity_aliases: { meh: SEV9 }\n', {}, 'x.yml')).toThrow(
      /severity_aliases\.meh:/,
    );
  });
});
