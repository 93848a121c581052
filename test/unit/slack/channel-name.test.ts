import { describe, expect, it } from 'vitest';
import {
  incidentChannelName,
  isValidChannelName,
  MAX_CHANNEL_NAME,
} from '../../../adapters/slack/channel-name.ts';

describe('incident channel names', () => {
  it('are inc-<n>-<slug> in lowercase', () => {
    expect(incidentChannelName(12, 'Checkout Errors in EU!')).toBe('inc-12-checkout-errors-in-eu');
  });

  it('never exceed 80 characters, even with a suffix after name_taken', () => {
    const title = 'a very long incident title that keeps going '.repeat(5);
    for (const attempt of [1, 2, 17]) {
      const name = incidentChannelName(123456, title, attempt);
      expect(name.length).toBeLessThanOrEqual(MAX_CHANNEL_NAME);
      expect(isValidChannelName(name)).toBe(true);
    }
    expect(incidentChannelName(123456, title, 2)).toMatch(/-2$/);
  });

  it('fall back to a word when the title has no letters Slack allows', () => {
    expect(incidentChannelName(3, '🔥🔥 !!!')).toBe('inc-3-incident');
  });

  it('drop accents rather than characters', () => {
    expect(incidentChannelName(4, 'Paiement refusé à Zürich')).toBe('inc-4-paiement-refuse-a-zurich');
  });
});
