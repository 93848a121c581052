import { describe, expect, it } from 'vitest';
import {
  createRedactor,
  InvalidRedactionPatternError,
  redactionMarker,
} from '../../../src/redaction/redact-secrets.ts';
import { BUILT_IN_SECRET_PATTERNS } from '../../../src/redaction/secret-patterns.ts';
import { filler, SAFE_LINES, SECRET_SAMPLES, type SecretSample } from '../../fixtures/secret-corpus.ts';

const redactor = createRedactor();

function expectedRedaction(sample: SecretSample): string {
  let expected = sample.line;
  for (const { secret, patternId } of [sample, ...sample.companions]) {
    expected = expected.split(secret).join(redactionMarker(patternId));
  }
  return expected;
}

describe('secret corpus', () => {
  it('holds enough samples to be meaningful', () => {
    expect(SECRET_SAMPLES.length).toBeGreaterThanOrEqual(45);
    expect(SAFE_LINES.length).toBeGreaterThanOrEqual(20);
  });

  it.each(SECRET_SAMPLES.map((s) => [s.label, s] as const))('redacts a %s pasted into chat', (_, sample) => {
    expect(sample.line).toContain(sample.secret);
    const { text, count } = redactor.redactWithCount(sample.line);
    expect(text).not.toContain(sample.secret);
    expect(text).toContain(redactionMarker(sample.patternId));
    expect(text).toBe(expectedRedaction(sample));
    expect(count).toBe(1 + sample.companions.length);
  });

  it.each(SAFE_LINES)('leaves an ordinary line untouched: %s', (line) => {
    expect(redactor.redactWithCount(line)).toEqual({ text: line, count: 0 });
  });
});

describe('createRedactor', () => {
  it('redacts an AWS access key id pasted into chat', () => {
    const key = `AKIA${'IOSFODNN7'}EXAMPLE`;
    expect(redactor.redact(`oops, I pasted the key ${key} into the channel`)).toBe(
      'oops, I pasted the key [REDACTED:aws-access-key] into the channel',
    );
  });

  it('keeps the scheme, user and host of a URL and hides only its password', () => {
    expect(redactor.redact('postgresql://app:s3cr3t-Pw@db:5432/x')).toBe(
      'postgresql://app:[REDACTED:url-credentials]@db:5432/x',
    );
  });

  it('keeps the key name of a password= pair and hides its value', () => {
    expect(redactor.redact('password=hunter2 user=app')).toBe(
      'password=[REDACTED:secret-assignment] user=app',
    );
  });

  it('keeps the quotes around a quoted secret value', () => {
    expect(redactor.redact(`api_key: "abc def 123"`)).toBe('api_key: "[REDACTED:secret-assignment]"');
  });

  it('replaces a whole multi-line PEM private key block and keeps the text around it', () => {
    const body = Array.from({ length: 5 }, (_, i) => filler(64, 300 + i, 'ABCDEFabcdef0123456789+/')).join(
      '\n',
    );
    const block = `-----BEGIN ${'RSA PRIVATE'} KEY-----\n${body}\n-----END RSA PRIVATE KEY-----`;
    const out = redactor.redact(`here it is:\n${block}\nplease rotate`);
    expect(out).toBe('here it is:\n[REDACTED:private-key-block]\nplease rotate');
  });

  it('redacts the rest of a message when a pasted private key was cut off before its END line', () => {
    const out = redactor.redact(
      `key: -----BEGIN ${'PRIVATE'} KEY-----\n${filler(64, 310)}\n${filler(30, 311)}`,
    );
    expect(out).toBe('key: [REDACTED:private-key-block]');
  });

  it('counts each separate secret in a message once', () => {
    const line = `password=${filler(10, 320)} and ghp_${filler(36, 321)} and AKIA${'Z'.repeat(16)}`;
    expect(redactor.redactWithCount(line).count).toBe(3);
  });

  it('returns the same text when redacting twice as when redacting once', () => {
    for (const { line } of SECRET_SAMPLES) {
      const once = redactor.redactWithCount(line);
      const twice = redactor.redactWithCount(once.text);
      expect(twice).toEqual({ text: once.text, count: 0 });
    }
  });

  it('redacts extra patterns from the config with a numbered custom marker', () => {
    const custom = createRedactor(['INC-SECRET-\\d+', 'acme_[a-z]{8}']);
    expect(custom.redact('ref INC-SECRET-42 and acme_abcdefgh, not acme_short')).toBe(
      'ref [REDACTED:custom-1] and [REDACTED:custom-2], not acme_short',
    );
  });

  it('still applies the built-in patterns when extra patterns are configured', () => {
    const custom = createRedactor(['INC-SECRET-\\d+']);
    expect(custom.redact(`AKIA${'Q'.repeat(16)} INC-SECRET-7`)).toBe(
      '[REDACTED:aws-access-key] [REDACTED:custom-1]',
    );
  });

  it('does not loop forever on an extra pattern that can match the empty string', () => {
    expect(createRedactor(['x*']).redact('a xx b')).toBe('a [REDACTED:custom-1] b');
  });

  it('rejects an invalid extra pattern with an error naming the pattern', () => {
    expect(() => createRedactor(['ok-\\d+', '([a-z'])).toThrow(InvalidRedactionPatternError);
    expect(() => createRedactor(['([a-z'])).toThrow(/\(\[a-z/);
  });

  it('rejects an empty extra pattern', () => {
    expect(() => createRedactor([''])).toThrow(InvalidRedactionPatternError);
  });

  it('leaves the empty string alone', () => {
    expect(redactor.redactWithCount('')).toEqual({ text: '', count: 0 });
  });

  it('gives every built-in pattern a unique id', () => {
    const ids = BUILT_IN_SECRET_PATTERNS.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('gives the same answer when two redactors run interleaved', () => {
    const other = createRedactor();
    const line = `token: ${filler(20, 330)} then ghp_${filler(36, 331)}`;
    const first = redactor.redact(line);
    expect(other.redact(line)).toBe(first);
    expect(redactor.redact(line)).toBe(first);
  });

  it('finishes on long pathological inputs', () => {
    const runs = [
      'a'.repeat(200_000),
      `eyJ${'a'.repeat(50_000)}.`.repeat(4),
      `-----BEGIN ${'PRIVATE'} KEY-----`.repeat(2_000),
      'https://'.repeat(20_000),
      `M${'A'.repeat(30)}.`.repeat(5_000),
      'password='.repeat(20_000),
      `AKIA${'A'.repeat(16)} `.repeat(5_000),
    ];
    for (const text of runs) {
      expect(typeof redactor.redact(text)).toBe('string');
    }
  });

  it('redacts 100,000 chat lines of a large incident', () => {
    const lines = [...SAFE_LINES, ...SECRET_SAMPLES.map((s) => s.line)];
    let redacted = 0;
    for (let i = 0; i < 100_000; i += 1) {
      redacted += redactor.redactWithCount(lines[i % lines.length] ?? '').count;
    }
    expect(redacted).toBeGreaterThan(0);
  });
});
