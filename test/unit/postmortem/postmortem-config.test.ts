import { describe, expect, it } from 'vitest';
import { configSchema } from '../../../src/config/config-schema.ts';

describe('the postmortem section of the config', () => {
  it('reads template_by_severity keys as severities and names case-insensitively', () => {
    const config = configSchema.parse({
      postmortem: { default_template: ' Report ', template_by_severity: { 'sev-1': 'SRE', sev2: 'report' } },
    });
    expect(config.postmortem).toEqual({
      default_template: 'report',
      template_by_severity: { SEV1: 'sre', SEV2: 'report' },
      include_transcript: false,
    });
  });

  it('refuses a key that is not a severity', () => {
    expect(
      configSchema.safeParse({ postmortem: { template_by_severity: { critical: 'sre' } } }).success,
    ).toBe(false);
  });
});
