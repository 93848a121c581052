import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/logging/create-logger.ts';
import { SECRET_SAMPLES } from '../../fixtures/secret-corpus.ts';
import { leakedSamples } from '../../support/secret-leaks.ts';

/** Every secret of the corpus, wherever a log call can put text: the message, a field, an error. */
function logged(write: (logger: ReturnType<typeof createLogger>, line: string) => void): string[] {
  const lines: string[] = [];
  const logger = createLogger({ level: 'trace', destination: { write: (line: string) => lines.push(line) } });
  for (const sample of SECRET_SAMPLES) write(logger, sample.line);
  expect(lines).toHaveLength(SECRET_SAMPLES.length);
  return lines;
}

describe('a log line carrying a secret of the corpus', () => {
  it('shows none of them in the message', () => {
    expect(
      leakedSamples(
        logged((logger, line) => logger.info(`declared: ${line}`)),
        SECRET_SAMPLES,
      ),
    ).toEqual([]);
  });

  it('shows none of them in a field, however deep', () => {
    const lines = logged((logger, line) => logger.warn({ incident: { title: line, tags: [line] } }, 'x'));
    expect(leakedSamples(lines, SECRET_SAMPLES)).toEqual([]);
  });

  it('shows none of them in an error message or its stack', () => {
    const lines = logged((logger, line) => logger.error({ err: new Error(`refused: ${line}`) }, 'failed'));
    expect(leakedSamples(lines, SECRET_SAMPLES)).toEqual([]);
  });
});
