import { describe, expect, it } from 'vitest';
import { SystemError } from '../../../src/core/errors.ts';
import { InFlightTracker } from '../../../src/core/in-flight-tracker.ts';

describe('work in flight during a shutdown', () => {
  it('drains once the last started unit of work ends', async () => {
    const tracker = new InFlightTracker();
    const endA = tracker.begin();
    const endB = tracker.begin();
    const drained = tracker.drained(60_000);
    endA();
    expect(tracker.count).toBe(1);
    endB();
    await expect(drained).resolves.toBe(true);
  });

  it('reports not drained when work outlives the wait', async () => {
    const tracker = new InFlightTracker();
    tracker.begin();
    await expect(tracker.drained(5)).resolves.toBe(false);
  });

  it('refuses new work once closed, with a shutting_down system error, while old work carries on', () => {
    const tracker = new InFlightTracker();
    const end = tracker.begin();
    tracker.close();
    expect(() => tracker.begin()).toThrow(SystemError);
    try {
      tracker.begin();
    } catch (error) {
      expect((error as SystemError).code).toBe('shutting_down');
    }
    end();
    expect(tracker.count).toBe(0);
  });

  it('counts an ended unit once even if its end is called twice', () => {
    const tracker = new InFlightTracker();
    const end = tracker.begin();
    tracker.begin();
    end();
    end();
    expect(tracker.count).toBe(1);
  });
});
