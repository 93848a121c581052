import { describe, expect, it } from 'vitest';
import { ReadinessState } from '../../../src/app/readiness-state.ts';

describe('readiness conditions', () => {
  it('names unfinished startup work until it is marked finished', () => {
    const readiness = new ReadinessState();
    const done = readiness.startTask('slack backfill');
    expect(readiness.reasons()).toEqual(['slack backfill has not finished']);
    done();
    expect(readiness.reasons()).toEqual([]);
  });

  it('says shutting down first once the process drains', () => {
    const readiness = new ReadinessState();
    readiness.startTask('discord backfill');
    readiness.markStopping();
    expect(readiness.reasons()).toEqual(['shutting down', 'discord backfill has not finished']);
    expect(readiness.isStopping).toBe(true);
  });
});
