/**
 * Thrown by a job handler that may not run yet (a refresh inside its cooldown): the queue puts the
 * same job back as delayed for `delayMs`, without counting a failed attempt. Keeping the same job
 * (rather than adding a new one) keeps its deduplication id held, so adds meanwhile fold into it.
 */
export class DeferJob extends Error {
  constructor(readonly delayMs: number) {
    super(`deferred by ${delayMs} ms`);
    this.name = 'DeferJob';
  }
}
