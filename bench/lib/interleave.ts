/**
 * Runs every side once per round, in the same order each round (A B A B …), so slow drift of a
 * noisy machine (thermal, neighbours, GC of earlier rounds) lands on all sides alike.
 */
export async function interleave<T>(
  rounds: number,
  sides: Readonly<Record<string, () => Promise<T>>>,
  onRun: (side: string, round: number) => void = () => {},
): Promise<Record<string, T[]>> {
  if (!Number.isInteger(rounds) || rounds < 1)
    throw new RangeError(`rounds must be a positive integer, got ${rounds}`);
  const names = Object.keys(sides);
  const results: Record<string, T[]> = Object.fromEntries(names.map((name) => [name, []]));
  for (const [round, name] of interleaveOrder(rounds, names)) {
    onRun(name, round);
    const run = sides[name] as () => Promise<T>;
    results[name]?.push(await run());
  }
  return results;
}

/** The order `interleave` runs in: [round, side] pairs, A B A B. */
export function interleaveOrder(rounds: number, names: readonly string[]): [number, string][] {
  const order: [number, string][] = [];
  for (let round = 0; round < rounds; round++) for (const name of names) order.push([round, name]);
  return order;
}
