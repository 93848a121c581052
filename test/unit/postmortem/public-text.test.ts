import { describe, expect, it } from 'vitest';
import { PublicText } from '../../../src/postmortem/public-text.ts';

const scrubber = new PublicText(['dana', 'Sam Lee', 'you']);

describe('text for the customer-facing post', () => {
  it('replaces the names of the people involved', () => {
    expect(scrubber.scrub('Dana restarted the API with Sam Lee')).toBe(
      'the team restarted the API with the team',
    );
  });

  it('replaces mentions as each platform writes them', () => {
    expect(scrubber.scrub('<@U123|kim> and <@!998877> and @lee checked')).toBe(
      'the team and the team and the team checked',
    );
  });

  it('removes links, channels and e-mail addresses', () => {
    expect(
      scrubber.scrub('see https://grafana.internal/d/x (dashboard), #inc-4-db and ops@acme.example'),
    ).toBe('see (dashboard), and');
  });

  it('leaves everyday words alone even when someone is called that', () => {
    expect(scrubber.scrub('we will let you know')).toBe('we will let you know');
  });

  it('does not touch a name inside another word', () => {
    expect(scrubber.scrub('the sandana service')).toBe('the sandana service');
  });
});

describe('a participant named like a team', () => {
  it('reads naturally once scrubbed', () => {
    expect(new PublicText(['devops']).scrub('Train the DevOps team on ports')).toBe(
      'Train the team on ports',
    );
  });
});
