import type { SecretSample } from '../fixtures/secret-corpus.ts';

/**
 * The pieces of a secret that would still give it away after an exit reshaped it: a channel name
 * lower-cases it and turns punctuation into dashes, Slack escapes `&<>`, a title loses newlines.
 * Runs of 8+ letters and digits are long enough to be the secret's own, never ordinary words.
 */
export function telltales(secret: string): string[] {
  const runs = secret.toLowerCase().match(/[a-z0-9]{8,}/g) ?? [];
  return [secret.toLowerCase(), ...runs];
}

/** The labels of the samples whose secret (or a telltale piece of it) shows in any of the texts. */
export function leakedSamples(texts: readonly string[], samples: readonly SecretSample[]): string[] {
  const haystack = texts.join('\n').toLowerCase();
  return samples
    .filter((sample) =>
      [sample, ...sample.companions].some((secret) =>
        telltales(secret.secret).some((piece) => haystack.includes(piece)),
      ),
    )
    .map((sample) => sample.label);
}

/** The corpus's line as an incident title: one line, as a title is kept. */
export const asTitle = (line: string): string => line.replace(/\s+/g, ' ').trim();
