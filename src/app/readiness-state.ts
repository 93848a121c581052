/**
 * Startup work that must finish before this process says it is ready (/readyz), and whether it
 * is shutting down. Adapters register their startup backfill here, e.g.
 * `const done = app.readiness.startTask('slack backfill'); await backfill(); done();`.
 */
export class ReadinessState {
  private readonly pending = new Set<string>();
  private stopping = false;

  /** Registers unfinished startup work; the returned function marks it finished. */
  startTask(name: string): () => void {
    this.pending.add(name);
    return () => this.finishTask(name);
  }

  finishTask(name: string): void {
    this.pending.delete(name);
  }

  /** From now on the process is draining: a load balancer should send its traffic elsewhere. */
  markStopping(): void {
    this.stopping = true;
  }

  get isStopping(): boolean {
    return this.stopping;
  }

  /** Why the process is not ready yet; empty when these conditions are met. */
  reasons(): string[] {
    const reasons = [...this.pending].map((name) => `${name} has not finished`);
    if (this.stopping) reasons.unshift('shutting down');
    return reasons;
  }
}
