/**
 * Waits a little before an optimistic write is retried. Jitter spreads writers that collided so
 * that fifty people typing into one channel at once all get their turn instead of colliding again.
 */
export function contentionBackoff(attempt: number): Promise<void> {
  const ceiling = Math.min(200, 5 * 2 ** Math.min(attempt, 6));
  return new Promise((resolve) => setTimeout(resolve, Math.random() * ceiling));
}
