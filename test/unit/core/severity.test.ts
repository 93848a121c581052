import { describe, expect, it } from 'vitest';
import { isUpgrade, parseSeverity } from '../../../src/core/model/severity.ts';

describe('severity words', () => {
  it.each(['sev1', 'SEV1', 'sev-1', 'SEV-1', 'Sev-1'])('accepts %s as SEV1', (text) => {
    expect(parseSeverity(text)).toEqual({ ok: true, value: 'SEV1' });
  });

  it.each(['sev5', 'sev0', 'high', 'p1', ''])('refuses %j with the list of severities', (text) => {
    const result = parseSeverity(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain('sev1, sev2, sev3, sev4');
  });

  it('knows SEV1 is worse than SEV2', () => {
    expect(isUpgrade('SEV2', 'SEV1')).toBe(true);
    expect(isUpgrade('SEV1', 'SEV3')).toBe(false);
  });
});
